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
        Rect box = foregroundBox(mask);
        if (box.area() == 0 || strength <= 0) {
            return composite.copy();
        }
        float fullW = composite.width();
        float fullH = composite.height();
        return blendInto(composite, mask, box, strength, (pixels, alpha, target) ->
                IntStream.range(0, box.height).parallel().forEach(y -> {
                    float[] out = new float[3];
                    float v = (box.y + y + 0.5f) / fullH;
                    for (int x = 0; x < box.width; x++) {
                        int i = y * box.width + x;
                        if (alpha[i] <= 0) {
                            continue;
                        }
                        int p = i * 3;
                        transfer.map((pixels[p] & 0xff) / 255f, (pixels[p + 1] & 0xff) / 255f,
                                (pixels[p + 2] & 0xff) / 255f, (box.x + x + 0.5f) / fullW, v, out);
                        target[p] = out[0];
                        target[p + 1] = out[1];
                        target[p + 2] = out[2];
                    }
                }));
    }

    /** Bounding box of the pixels where {@code mask} > 0 (empty when there are none). */
    public static Rect foregroundBox(ManagedMat mask) {
        try (ManagedMat nonZero = new ManagedMat(new Mat())) {
            Core.compare(mask.mat(), new Scalar(0), nonZero.mat(), Core.CMP_GT);
            return Imgproc.boundingRect(nonZero.mat());
        }
    }

    /** Fills {@code target} (RGB floats 0..1 per box pixel) from the box's pixels and its mask values. */
    private interface TargetFill {
        void fill(byte[] pixels, float[] alpha, float[] target);
    }

    private static ManagedMat blendInto(ManagedMat composite, ManagedMat mask, Rect box, double strength,
                                        TargetFill fill) {
        ManagedMat result = composite.copy();
        if (box.area() == 0 || strength <= 0) {
            return result;
        }
        byte[] pixels = new byte[box.width * box.height * 3];
        float[] alpha = new float[box.width * box.height];
        float[] target = new float[pixels.length];
        try (ManagedMat roi = new ManagedMat(result.mat().submat(box));
             ManagedMat maskRoi = new ManagedMat(mask.mat().submat(box))) {
            roi.mat().get(0, 0, pixels);
            maskRoi.mat().get(0, 0, alpha);
            fill.fill(pixels, alpha, target);
            float s = (float) strength;
            for (int i = 0; i < alpha.length; i++) {
                if (alpha[i] <= 0) {
                    continue;
                }
                float k = s * Math.min(alpha[i], 1f);
                for (int p = i * 3; p < i * 3 + 3; p++) {
                    float c = (pixels[p] & 0xff) / 255f;
                    pixels[p] = quantise(c + k * (clamp01(target[p]) - c));
                }
            }
            roi.mat().put(0, 0, pixels);
        }
        return result;
    }

    private static float clamp01(float x) {
        return x < 0 ? 0 : Math.min(x, 1);
    }

    private static byte quantise(float x) {
        int q = Math.round(x * 255f);
        return (byte) (q < 0 ? 0 : Math.min(q, 255));
    }
}
