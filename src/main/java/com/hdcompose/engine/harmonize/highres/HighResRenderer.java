package com.hdcompose.engine.harmonize.highres;

import com.hdcompose.engine.imaging.ManagedMat;
import java.util.stream.IntStream;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Brings a colour change to the full-resolution composite and blends it in with the soft mask:
 * {@code out = c + strength·m·(T(c) − c)}. Only the mask's bounding box is touched; pixels with mask 0 stay
 * bit-identical.
 */
public final class HighResRenderer {
    private HighResRenderer() {
    }

    /** New CV_8UC3 image with {@code transfer} applied; {@code composite} and {@code mask} are not modified. */
    public static ManagedMat render(ManagedMat composite, ManagedMat mask, ColorTransfer transfer, double strength) {
        ManagedMat result = composite.copy();
        Rect box = foregroundBox(mask);
        if (box.area() == 0 || strength <= 0) {
            return result;
        }
        int w = box.width;
        byte[] pixels = new byte[w * box.height * 3];
        float[] alpha = new float[w * box.height];
        try (ManagedMat roi = new ManagedMat(result.mat().submat(box));
             ManagedMat maskRoi = new ManagedMat(mask.mat().submat(box))) {
            roi.mat().get(0, 0, pixels);
            maskRoi.mat().get(0, 0, alpha);
            float fullW = composite.width();
            float fullH = composite.height();
            float s = (float) strength;
            IntStream.range(0, box.height).parallel().forEach(y -> {
                float[] out = new float[3];
                float v = (box.y + y + 0.5f) / fullH;
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    float m = alpha[i];
                    if (m <= 0) {
                        continue;
                    }
                    int p = i * 3;
                    float r = (pixels[p] & 0xff) / 255f;
                    float g = (pixels[p + 1] & 0xff) / 255f;
                    float b = (pixels[p + 2] & 0xff) / 255f;
                    transfer.map(r, g, b, (box.x + x + 0.5f) / fullW, v, out);
                    float k = s * Math.min(m, 1f);
                    pixels[p] = quantise(r + k * (clamp01(out[0]) - r));
                    pixels[p + 1] = quantise(g + k * (clamp01(out[1]) - g));
                    pixels[p + 2] = quantise(b + k * (clamp01(out[2]) - b));
                }
            });
            roi.mat().put(0, 0, pixels);
        }
        return result;
    }

    /** Bounding box of the pixels where {@code mask} > 0 (empty when there are none). */
    public static Rect foregroundBox(ManagedMat mask) {
        try (ManagedMat nonZero = new ManagedMat(new Mat())) {
            Core.compare(mask.mat(), new Scalar(0), nonZero.mat(), Core.CMP_GT);
            return Imgproc.boundingRect(nonZero.mat());
        }
    }

    private static float clamp01(float x) {
        return x < 0 ? 0 : Math.min(x, 1);
    }

    private static byte quantise(float x) {
        int q = Math.round(x * 255f);
        return (byte) (q < 0 ? 0 : Math.min(q, 255));
    }
}
