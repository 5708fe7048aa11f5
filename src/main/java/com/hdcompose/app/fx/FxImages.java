package com.hdcompose.app.fx;

import com.hdcompose.engine.document.MaskTile;
import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ManagedMat;
import java.util.Optional;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Converts between OpenCV matrices (RGB + float mask) and JavaFX images; safe to call off the FX thread. */
public final class FxImages {
    private FxImages() {
    }

    /** An opaque JavaFX image of an 8-bit RGB matrix. */
    public static WritableImage fromRgb(ManagedMat rgb) {
        return withAlpha(rgb, null, new PixelRect(0, 0, rgb.width(), rgb.height()));
    }

    /** A premultiplied BGRA image of {@code rect} of {@code rgb}, alpha from {@code mask} (or opaque when null). */
    public static WritableImage withAlpha(ManagedMat rgb, ManagedMat mask, PixelRect rect) {
        WritableImage image = new WritableImage(Math.max(1, rect.width()), Math.max(1, rect.height()));
        if (!rect.isEmpty()) {
            write(image, rgb, mask, rect, 0, 0);
        }
        return image;
    }

    /** Rewrites {@code rect} of {@code target} (same coordinates as the matrices) from the matrices. */
    public static void update(WritableImage target, ManagedMat rgb, ManagedMat mask, PixelRect rect) {
        PixelRect r = rect.clip((int) target.getWidth(), (int) target.getHeight());
        if (!r.isEmpty()) {
            write(target, rgb, mask, r, r.x(), r.y());
        }
    }

    private static void write(WritableImage image, ManagedMat rgb, ManagedMat mask, PixelRect r, int dx, int dy) {
        int w = r.width();
        int h = r.height();
        byte[] pixels = new byte[w * h * 3];
        float[] alpha = null;
        Mat sub = rgb.mat().submat(r.y(), r.y() + h, r.x(), r.x() + w);
        Mat rgbCopy = sub.clone();
        rgbCopy.get(0, 0, pixels);
        rgbCopy.release();
        sub.release();
        if (mask != null) {
            alpha = MaskTile.read(mask.mat(), r).values();
        }
        byte[] bgra = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++) {
            float a = alpha == null ? 1f : Math.max(0f, Math.min(1f, alpha[i]));
            bgra[i * 4] = (byte) Math.round((pixels[i * 3 + 2] & 0xff) * a);
            bgra[i * 4 + 1] = (byte) Math.round((pixels[i * 3 + 1] & 0xff) * a);
            bgra[i * 4 + 2] = (byte) Math.round((pixels[i * 3] & 0xff) * a);
            bgra[i * 4 + 3] = (byte) Math.round(255 * a);
        }
        image.getPixelWriter().setPixels(dx, dy, w, h, PixelFormat.getByteBgraPreInstance(), bgra, 0, w * 4);
    }

    /** A red overlay image of a mask region: colour everywhere, alpha = 0.55 × mask. */
    public static void updateMaskOverlay(WritableImage target, ManagedMat mask, PixelRect rect) {
        PixelRect r = rect.clip((int) target.getWidth(), (int) target.getHeight());
        if (r.isEmpty()) {
            return;
        }
        int w = r.width();
        int h = r.height();
        float[] alpha = MaskTile.read(mask.mat(), r).values();
        byte[] bgra = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++) {
            float a = 0.55f * Math.max(0f, Math.min(1f, alpha[i]));
            bgra[i * 4] = (byte) Math.round(40 * a);
            bgra[i * 4 + 1] = (byte) Math.round(40 * a);
            bgra[i * 4 + 2] = (byte) Math.round(255 * a);
            bgra[i * 4 + 3] = (byte) Math.round(255 * a);
        }
        target.getPixelWriter().setPixels(r.x(), r.y(), w, h, PixelFormat.getByteBgraPreInstance(), bgra, 0, w * 4);
    }

    /** A pasted or dropped JavaFX image as RGB plus alpha mask (only when some pixel is not opaque). */
    public static DecodedImage toDecoded(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        if (reader == null || w <= 0 || h <= 0) {
            throw new IllegalArgumentException("the clipboard image has no readable pixels");
        }
        byte[] bgra = new byte[w * h * 4];
        reader.getPixels(0, 0, w, h, PixelFormat.getByteBgraInstance(), bgra, 0, w * 4);
        byte[] rgb = new byte[w * h * 3];
        float[] alpha = new float[w * h];
        boolean transparent = false;
        for (int i = 0; i < w * h; i++) {
            rgb[i * 3] = bgra[i * 4 + 2];
            rgb[i * 3 + 1] = bgra[i * 4 + 1];
            rgb[i * 3 + 2] = bgra[i * 4];
            int a = bgra[i * 4 + 3] & 0xff;
            alpha[i] = a / 255f;
            transparent |= a < 255;
        }
        Mat rgbMat = new Mat(h, w, CvType.CV_8UC3);
        rgbMat.put(0, 0, rgb);
        Optional<ManagedMat> mask = Optional.empty();
        if (transparent) {
            Mat a = new Mat(h, w, CvType.CV_32FC1);
            a.put(0, 0, alpha);
            mask = Optional.of(new ManagedMat(a));
        }
        return new DecodedImage(new ManagedMat(rgbMat), mask);
    }
}
