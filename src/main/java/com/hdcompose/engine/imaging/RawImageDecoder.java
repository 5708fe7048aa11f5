package com.hdcompose.engine.imaging;

import com.hdcompose.engine.error.HarmonizeException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes a file's bytes with OpenCV as stored (any depth, any channel count, alpha kept), upright, after checking
 * its header: one place where every unreadable, truncated or oversized file gets its one-line message.
 */
public final class RawImageDecoder {
    static final String SUPPORTED = "PNG, JPEG, TIFF, BMP or WebP";

    private RawImageDecoder() {
    }

    /** Reads and decodes {@code path}; failures are BAD_INPUT {@link HarmonizeException}s prefixed by the file name. */
    public static ManagedMat decode(Path path) {
        return decode(readBytes(path), displayName(path));
    }

    /** Decodes {@code bytes}, naming the source {@code name} in messages. */
    public static ManagedMat decode(byte[] bytes, String name) {
        ImageHeader header = checkHeader(bytes, name);
        OpenCvLoader.load();
        try (ManagedMat buffer = new ManagedMat(new MatOfByte(bytes)); ManagedMat stored = new ManagedMat(
                Imgcodecs.imdecode(buffer.mat(), Imgcodecs.IMREAD_UNCHANGED))) {
            if (stored.mat().empty()) {
                throw corrupt(name);
            }
            if (header.orientation() == 1 || decoderTurnedItUpright(header, stored)) {
                return new ManagedMat(stored.release());
            }
            return ExifOrientation.upright(stored.mat(), header.orientation());
        }
    }

    /** Decodes {@code path} and hands the raw image to {@code convert}, releasing it afterwards. */
    public static <T> T decodeAs(Path path, Function<Mat, T> convert) {
        try (ManagedMat raw = decode(path)) {
            return convert.apply(raw.mat());
        }
    }

    /** Decodes {@code bytes} and hands the raw image to {@code convert}, releasing it afterwards. */
    public static <T> T decodeAs(byte[] bytes, String name, Function<Mat, T> convert) {
        try (ManagedMat raw = decode(bytes, name)) {
            return convert.apply(raw.mat());
        }
    }

    /** Validates format, declared size and completeness of {@code bytes} without decoding pixels. */
    public static ImageHeader checkHeader(byte[] bytes, String name) {
        if (bytes.length == 0) {
            throw HarmonizeException.badInput(name + ": file is empty (0 bytes)");
        }
        ImageFormat format = ImageFormat.detect(bytes).orElseThrow(() ->
                HarmonizeException.badInput(name + ": not an image (expected " + SUPPORTED + ")"));
        ImageHeader header;
        try {
            header = ImageHeaderReader.read(bytes, format);
        } catch (ByteView.TruncatedException e) {
            throw HarmonizeException.badInput(name + ": file is truncated (" + format + " header incomplete)");
        } catch (ImageHeaderReader.CorruptException e) {
            throw corrupt(name);
        }
        ImageSizeLimit.check(name, header.width(), header.height());
        if (!header.complete()) {
            throw HarmonizeException.badInput(name + ": file is truncated (" + format + " image data incomplete)");
        }
        return header;
    }

    /**
     * OpenCV's TIFF decoder applies the orientation tag itself for 8-bit images (libtiff's RGBA path) but not for
     * others; a quarter turn shows in the decoded size. Flips (2..4) of TIFFs are left to the decoder.
     */
    private static boolean decoderTurnedItUpright(ImageHeader header, ManagedMat decoded) {
        if (header.format() != ImageFormat.TIFF) {
            return false;
        }
        boolean stillStoredSize = decoded.width() == header.width() && decoded.height() == header.height();
        return !(header.swapsSides() && stillStoredSize && header.width() != header.height());
    }

    private static HarmonizeException corrupt(String name) {
        return HarmonizeException.badInput(name + ": image data is corrupt (could not decode)");
    }

    static byte[] readBytes(Path path) {
        String name = displayName(path);
        if (Files.isDirectory(path)) {
            throw HarmonizeException.badInput(name + ": is a directory, not an image file");
        }
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw HarmonizeException.badInput(name + ": file not found");
        } catch (AccessDeniedException e) {
            throw HarmonizeException.badInput(name + ": permission denied");
        } catch (IOException | OutOfMemoryError e) {
            throw HarmonizeException.badInput(name + ": cannot read file (" + e.getMessage() + ")");
        }
    }

    static String displayName(Path path) {
        Path file = path.getFileName();
        return file == null ? path.toString() : file.toString();
    }
}
