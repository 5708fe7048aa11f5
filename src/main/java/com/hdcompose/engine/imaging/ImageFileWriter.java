package com.hdcompose.engine.imaging;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import org.opencv.core.CvType;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Saves 8-bit RGB images as PNG or JPEG (chosen by extension) atomically: the target is never left half-written. */
public final class ImageFileWriter {
    public static final int DEFAULT_JPEG_QUALITY = 95;

    private ImageFileWriter() {
    }

    public static void write(ManagedMat rgb, Path target) {
        write(rgb, target, DEFAULT_JPEG_QUALITY);
    }

    /** Encodes {@code rgb} (CV_8UC3, R,G,B) by {@code target}'s extension (.png, .jpg, .jpeg) and writes it atomically. */
    public static void write(ManagedMat rgb, Path target, int jpegQuality) {
        String name = RawImageDecoder.displayName(target);
        byte[] bytes = encode(rgb, extensionOf(name), jpegQuality, name);
        try {
            AtomicFiles.write(target, bytes);
        } catch (FileAlreadyExistsException e) {
            throw HarmonizeException.badInput("cannot write " + target + ": is a directory");
        } catch (AccessDeniedException e) {
            throw HarmonizeException.badInput("cannot write " + target + ": permission denied");
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            throw HarmonizeException.badInput("cannot write " + target + ": " + reason);
        } catch (IOException e) {
            throw HarmonizeException.internal("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The encoded file bytes. */
    public static byte[] encode(ManagedMat rgb, String extension, int jpegQuality, String name) {
        if (rgb.mat().type() != CvType.CV_8UC3) {
            throw HarmonizeException.internal(name + ": expected an 8-bit RGB image, got " + CvType.typeToString(rgb.mat().type()), null);
        }
        requireWritableExtension(name, extension);
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw HarmonizeException.badInput("JPEG quality must be between 1 and 100, got " + jpegQuality);
        }
        OpenCvLoader.load();
        MatOfInt params = extension.equals(".png")
                ? new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 3)
                : new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, jpegQuality);
        MatOfByte buffer = new MatOfByte();
        try (ManagedMat bgr = ManagedMat.empty(); ManagedMat owner = new ManagedMat(buffer)) {
            Imgproc.cvtColor(rgb.mat(), bgr.mat(), Imgproc.COLOR_RGB2BGR);
            if (!Imgcodecs.imencode(extension, bgr.mat(), buffer, params)) {
                throw HarmonizeException.internal(name + ": OpenCV could not encode the image", null);
            }
            return buffer.toArray();
        } finally {
            params.release();
        }
    }

    /** Throws BAD_INPUT unless {@code target} names a PNG or JPEG file; lets callers fail before any work. */
    public static void requireWritableFormat(Path target) {
        String name = RawImageDecoder.displayName(target);
        requireWritableExtension(name, extensionOf(name));
    }

    private static void requireWritableExtension(String name, String extension) {
        if (!extension.equals(".png") && !extension.equals(".jpg") && !extension.equals(".jpeg")) {
            throw HarmonizeException.badInput(name + ": can only write .png, .jpg or .jpeg files");
        }
    }

    static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }
}
