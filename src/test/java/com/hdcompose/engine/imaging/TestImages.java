package com.hdcompose.engine.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** Fixtures for imaging tests: test resources, solid images, masks and hand-made file headers. */
public final class TestImages {
    private TestImages() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestImages.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RGB image of one colour. */
    public static ManagedMat solid(int width, int height, int r, int g, int b) {
        OpenCvLoader.load();
        return new ManagedMat(new Mat(height, width, CvType.CV_8UC3, new Scalar(r, g, b)));
    }

    /** CV_32FC1 mask, 1 inside {@code fg} (may be null for an empty mask), 0 elsewhere. */
    public static ManagedMat mask(int width, int height, Rect fg) {
        OpenCvLoader.load();
        Mat m = new Mat(height, width, CvType.CV_32FC1, new Scalar(0));
        if (fg != null) {
            m.submat(fg).setTo(new Scalar(1));
        }
        return new ManagedMat(m);
    }

    /** File bytes of {@code mat} (OpenCV channel order) encoded by OpenCV as {@code extension}. */
    public static byte[] encode(Mat mat, String extension) {
        OpenCvLoader.load();
        MatOfByte buf = new MatOfByte();
        if (!Imgcodecs.imencode(extension, mat, buf)) {
            throw new IllegalStateException("OpenCV cannot encode " + extension);
        }
        return buf.toArray();
    }

    /** A PNG that only declares its size: signature, IHDR, IEND, no pixel data. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The pixel at (x, y) as an int array of its channels. */
    public static int[] pixel(ManagedMat m, int x, int y) {
        double[] v = m.mat().get(y, x);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) Math.round(v[i]);
        }
        return out;
    }

    public static Rect rect(int x, int y, int w, int h) {
        return new Rect(x, y, w, h);
    }
}
