import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build-time tool (run as a single-file source program) that splits the shaded jar into a jar without native
 * libraries plus a folder holding only this platform's ONNX Runtime, OpenCV and (except on Windows) JavaFX natives.
 *
 * <pre>java packaging/TrimJar.java IN.jar OUT.jar NATIVE_DIR PLATFORM   (PLATFORM: linux-x64, osx-aarch64, osx-x64, win-x64)</pre>
 */
public final class TrimJar {
    private static final String ORT = "ai/onnxruntime/native/";
    private static final String OPENCV = "nu/pattern/opencv/";
    /** -Dtrimjar.store=true: write entries uncompressed, leaving compression to the installer (xz does better). */
    private static final boolean STORE = Boolean.getBoolean("trimjar.store");

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: java TrimJar.java IN.jar OUT.jar NATIVE_DIR PLATFORM");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path nativeDir = Path.of(args[2]);
        String platform = args[3];
        Files.createDirectories(nativeDir);
        String ortDir = ORT + platform + "/";
        String cvDir = OPENCV + openCvFolder(platform) + "/";
        boolean windows = platform.startsWith("win");
        long kept = 0, dropped = 0, extracted = 0;
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (ZipFile zip = new ZipFile(in.toFile()); ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(tmp))) {
            zos.setLevel(9);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                boolean ortNative = name.startsWith(ORT);
                boolean cvNative = name.startsWith(OPENCV) && isLibrary(name);
                boolean fxNative = !windows && name.indexOf('/') < 0 && isLibrary(name);
                if (ortNative || cvNative || fxNative) {
                    boolean mine = !e.isDirectory() && !name.contains(".dSYM/") && isLibrary(name)
                            && (fxNative || name.startsWith(ortDir) || name.startsWith(cvDir));
                    if (mine) {
                        Path target = nativeDir.resolve(name.substring(name.lastIndexOf('/') + 1));
                        try (InputStream is = zip.getInputStream(e)) {
                            Files.copy(is, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        extracted += e.getSize();
                        System.out.println("  native " + target.getFileName() + " (" + e.getSize() / 1024 + " KiB)");
                    } else {
                        dropped += Math.max(0, e.getSize());
                    }
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                byte[] data;
                try (InputStream is = zip.getInputStream(e)) {
                    data = is.readAllBytes();
                }
                if (STORE) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                }
                zos.putNextEntry(copy);
                zos.write(data);
                kept += data.length;
                zos.closeEntry();
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "TrimJar: %s %.1f MB -> %s %.1f MB; extracted %.1f MB of %s natives, dropped %.1f MB of other platforms'%n",
                in.getFileName(), Files.size(in) / 1e6, out.getFileName(), Files.size(out) / 1e6, extracted / 1e6,
                platform, dropped / 1e6);
        if (kept == 0) {
            System.err.println("TrimJar: output jar is empty");
            System.exit(1);
        }
    }

    private static boolean isLibrary(String name) {
        return name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll") || name.endsWith(".jnilib");
    }

    /** OpenPnP's folder for the platform, e.g. linux/x86_64. */
    private static String openCvFolder(String platform) {
        switch (platform) {
            case "linux-x64": return "linux/x86_64";
            case "linux-aarch64": return "linux/ARMv8";
            case "osx-aarch64": return "osx/ARMv8";
            case "osx-x64": return "osx/x86_64";
            case "win-x64": return "windows/x86_64";
            default: throw new IllegalArgumentException("unknown platform " + platform);
        }
    }

    private TrimJar() {
    }
}
