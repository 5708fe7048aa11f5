package com.hdcompose.onnx;

import com.hdcompose.engine.harmonize.highres.LowResPair;
import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import org.opencv.core.Core;
import org.opencv.core.Scalar;

/**
 * The composite and binarised mask as a network sees them: planar float arrays (CHW, 0..1) of a size that is a
 * multiple of 8, either resized to a working resolution or padded at full size ({@code cropWidth × cropHeight} is
 * then the meaningful top-left part).
 */
public record WorkingImage(float[] composite, float[] mask, int width, int height, int cropWidth, int cropHeight) {
    /**
     * Long side = {@code workingSize}, both sides rounded to multiples of 8, aspect kept. The mask is binarised before
     * it is shrunk, and the composite is shrunk with object and background apart ({@link ImageOps#shrinkApart}), so
     * the object's edge reaches the network as hard as {@link ImageOps#EDGE_HARDNESS} sets.
     */
    public static WorkingImage resized(ManagedMat composite, ManagedMat mask, int workingSize) {
        int[] dims = workingDims(composite.width(), composite.height(), workingSize);
        try (ImageOps.ShrunkApart small = ImageOps.shrinkApart(composite, mask, dims[0], dims[1])) {
            return new WorkingImage(planar(small.rgb()), small.objectMask(), dims[0], dims[1], dims[0], dims[1]);
        }
    }

    /** Squashed to {@code side × side} (a multiple of 8), as S2CRNet's training thumbnails. */
    public static WorkingImage square(ManagedMat composite, ManagedMat mask, int side) {
        try (ManagedMat c = ImageOps.resize(composite, side, side); ManagedMat m = ImageOps.resize(mask, side, side)) {
            return new WorkingImage(planar(c), binary(m), side, side, side, side);
        }
    }

    /** Full size, padded on the right and bottom to multiples of 8 (composite mirrored, mask zero). */
    public static WorkingImage padded(ManagedMat composite, ManagedMat mask) {
        int w = composite.width();
        int h = composite.height();
        int pw = (8 - w % 8) % 8;
        int ph = (8 - h % 8) % 8;
        try (ManagedMat c = ManagedMat.empty(); ManagedMat m = ManagedMat.empty()) {
            Core.copyMakeBorder(composite.mat(), c.mat(), 0, ph, 0, pw, Core.BORDER_REFLECT_101);
            Core.copyMakeBorder(mask.mat(), m.mat(), 0, ph, 0, pw, Core.BORDER_CONSTANT, new Scalar(0));
            return new WorkingImage(planar(c), binary(m), w + pw, h + ph, w, h);
        }
    }

    /** Width and height for a long side of {@code workingSize}, each a multiple of 8 (at least 8). */
    static int[] workingDims(int w, int h, int workingSize) {
        double scale = (double) workingSize / Math.max(w, h);
        return new int[] {roundTo8(w * scale), roundTo8(h * scale)};
    }

    private static int roundTo8(double x) {
        return Math.max(8, (int) Math.round(x / 8) * 8);
    }

    /** The cropped composite, {@code output} (same layout as the composite) and mask for colour fitting. */
    public LowResPair pair(float[] output) {
        return new LowResPair(crop(composite, 3), crop(output, 3), crop(mask, 1), cropWidth, cropHeight);
    }

    /** Foreground flags of the 1/8-scale bottleneck cells: binarised mask averaged per 8×8 block, > 0.5 (as the model). */
    boolean[] foregroundCells() {
        int gw = width / 8;
        int gh = height / 8;
        boolean[] fg = new boolean[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                float sum = 0;
                for (int y = gy * 8; y < gy * 8 + 8; y++) {
                    for (int x = gx * 8; x < gx * 8 + 8; x++) {
                        sum += mask[y * width + x];
                    }
                }
                fg[gy * gw + gx] = sum / 64 > 0.5f;
            }
        }
        return fg;
    }

    private float[] crop(float[] planes, int channels) {
        if (cropWidth == width && cropHeight == height) {
            return planes;
        }
        float[] out = new float[channels * cropWidth * cropHeight];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < cropHeight; y++) {
                System.arraycopy(planes, (c * height + y) * width, out, (c * cropHeight + y) * cropWidth, cropWidth);
            }
        }
        return out;
    }

    /** CV_8UC3 RGB to planar floats in 0..1. */
    public static float[] planar(ManagedMat rgb) {
        int n = rgb.width() * rgb.height();
        byte[] px = new byte[n * 3];
        rgb.mat().get(0, 0, px);
        float[] out = new float[n * 3];
        for (int i = 0; i < n; i++) {
            out[i] = (px[3 * i] & 0xff) / 255f;
            out[n + i] = (px[3 * i + 1] & 0xff) / 255f;
            out[2 * n + i] = (px[3 * i + 2] & 0xff) / 255f;
        }
        return out;
    }

    /** CV_32FC1 mask to 0/1 floats, threshold 0.5. */
    static float[] binary(ManagedMat mask) {
        float[] m = new float[mask.width() * mask.height()];
        mask.mat().get(0, 0, m);
        for (int i = 0; i < m.length; i++) {
            m[i] = m[i] >= ImageOps.BINARY_THRESHOLD ? 1f : 0f;
        }
        return m;
    }
}
