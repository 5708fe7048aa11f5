package com.hdcompose.engine.document;

import com.hdcompose.engine.imaging.ManagedMat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes and encodes the editor's layer images with size limits checked before any pixels are decoded;
 * every failure is an {@link ImageFormatException} with one line for the user.
 */
public final class ImageCodec {
    public static final long MAX_FILE_BYTES = 256L << 20;
    public static final int MAX_SIDE = 16384;
    public static final long MAX_PIXELS = 100_000_000L;

    private ImageCodec() {
    }

    public static DecodedImage read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ImageFormatException(file.getFileName() + ": file is larger than 256 MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new ImageFormatException(file.getFileName() + ": cannot read (" + e.getMessage() + ")");
        }
        return decode(bytes, file.getFileName().toString());
    }

    /** Decodes PNG/JPEG/BMP/TIFF/WebP bytes; 16-bit and grey images are converted to 8-bit RGB. */
    public static DecodedImage decode(byte[] bytes, String name) {
        checkHeader(bytes, name);
        Mat raw;
        try (ManagedMat buf = new ManagedMat(new MatOfByte(bytes))) {
            raw = Imgcodecs.imdecode(buf.mat(), Imgcodecs.IMREAD_UNCHANGED);
        }
        if (raw == null || raw.empty()) {
            throw new ImageFormatException(name + ": not a readable image (PNG, JPEG, BMP, TIFF or WebP expected)");
        }
        try (ManagedMat src = new ManagedMat(raw)) {
            checkSize(src.width(), src.height(), name);
            return toRgb(src.mat());
        }
    }

    private static DecodedImage toRgb(Mat src) {
        Mat eight = src;
        if (src.depth() == CvType.CV_16U) {
            eight = new Mat();
            src.convertTo(eight, CvType.CV_8U, 1.0 / 257);
        } else if (src.depth() != CvType.CV_8U) {
            eight = new Mat();
            src.convertTo(eight, CvType.CV_8U, src.depth() == CvType.CV_32F ? 255 : 1);
        }
        ManagedMat rgb = ManagedMat.empty();
        ManagedMat alpha = null;
        switch (eight.channels()) {
            case 1 -> Imgproc.cvtColor(eight, rgb.mat(), Imgproc.COLOR_GRAY2RGB);
            case 3 -> Imgproc.cvtColor(eight, rgb.mat(), Imgproc.COLOR_BGR2RGB);
            case 4 -> {
                Imgproc.cvtColor(eight, rgb.mat(), Imgproc.COLOR_BGRA2RGB);
                alpha = alphaOf(eight);
            }
            default -> throw new ImageFormatException("unsupported channel count " + eight.channels());
        }
        if (eight != src) {
            eight.release();
        }
        return new DecodedImage(rgb, alpha);
    }

    private static ManagedMat alphaOf(Mat bgra) {
        Mat a = new Mat();
        Core.extractChannel(bgra, a, 3);
        ManagedMat mask = ManagedMat.empty();
        a.convertTo(mask.mat(), CvType.CV_32F, 1.0 / 255);
        a.release();
        return mask;
    }

    /** Reads the image header (no pixel decode) and rejects absurd sizes before they can exhaust memory. */
    private static void checkHeader(byte[] bytes, String name) {
        try (InputStream in = new ByteArrayInputStream(bytes); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(iis, true, true);
                    checkSize(reader.getWidth(0), reader.getHeight(0), name);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException e) {
            throw new ImageFormatException(name + ": damaged image header");
        }
    }

    static void checkSize(int w, int h, String name) {
        if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
            throw new ImageFormatException(name + ": image size " + w + "x" + h
                    + " is outside the supported range (up to 16384 px a side, 100 megapixels)");
        }
    }

    /** PNG bytes of an 8-bit RGB image. */
    public static byte[] encodePng(ManagedMat rgb) {
        try (ManagedMat bgr = ManagedMat.empty()) {
            Imgproc.cvtColor(rgb.mat(), bgr.mat(), Imgproc.COLOR_RGB2BGR);
            return encode(".png", bgr.mat(), new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 3));
        }
    }

    /** JPEG bytes of an 8-bit RGB image at the given quality (1..100). */
    public static byte[] encodeJpeg(ManagedMat rgb, int quality) {
        try (ManagedMat bgr = ManagedMat.empty()) {
            Imgproc.cvtColor(rgb.mat(), bgr.mat(), Imgproc.COLOR_RGB2BGR);
            return encode(".jpg", bgr.mat(), new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        }
    }

    /** 16-bit grey PNG of a CV_32FC1 0..1 mask (keeps soft edges exactly enough for a round trip). */
    public static byte[] encodeMaskPng(ManagedMat mask) {
        try (ManagedMat m16 = ManagedMat.empty()) {
            mask.mat().convertTo(m16.mat(), CvType.CV_16U, 65535);
            return encode(".png", m16.mat(), new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 3));
        }
    }

    /** Decodes a mask PNG (8- or 16-bit grey) to CV_32FC1 0..1. */
    public static ManagedMat decodeMask(byte[] bytes, String name) {
        checkHeader(bytes, name);
        Mat raw;
        try (ManagedMat buf = new ManagedMat(new MatOfByte(bytes))) {
            raw = Imgcodecs.imdecode(buf.mat(), Imgcodecs.IMREAD_ANYDEPTH | Imgcodecs.IMREAD_GRAYSCALE);
        }
        if (raw == null || raw.empty()) {
            throw new ImageFormatException(name + ": not a readable mask image");
        }
        try (ManagedMat src = new ManagedMat(raw)) {
            checkSize(src.width(), src.height(), name);
            ManagedMat out = ManagedMat.empty();
            double scale = src.mat().depth() == CvType.CV_16U ? 1.0 / 65535 : 1.0 / 255;
            src.mat().convertTo(out.mat(), CvType.CV_32F, scale);
            return out;
        }
    }

    private static byte[] encode(String ext, Mat image, MatOfInt params) {
        try (ManagedMat out = new ManagedMat(new MatOfByte())) {
            if (!Imgcodecs.imencode(ext, image, (MatOfByte) out.mat(), params)) {
                throw new ImageFormatException("could not encode " + ext + " image");
            }
            return ((MatOfByte) out.mat()).toArray();
        } finally {
            params.release();
        }
    }

    /** File name extensions the open dialogs offer. */
    public static List<String> readableExtensions() {
        return new ArrayList<>(List.of("*.png", "*.jpg", "*.jpeg", "*.bmp", "*.tif", "*.tiff", "*.webp"));
    }
}
