package com.hdcompose.engine.harmonize.highres;

/**
 * A network's view at working resolution: the composite it saw, what it returned and the binarised mask, as
 * planar (CHW) float arrays in 0..1. Positions are shared with full resolution through normalised coordinates.
 */
public record LowResPair(float[] composite, float[] output, float[] mask, int width, int height) {
    public LowResPair {
        int n = width * height;
        if (composite.length != 3 * n || output.length != 3 * n || mask.length != n) {
            throw new IllegalArgumentException("low-resolution arrays do not match " + width + "x" + height);
        }
    }

    public int pixelCount() {
        return width * height;
    }

    /** Whether pixel {@code i} (row-major) is foreground (mask ≥ 0.5). */
    public boolean isForeground(int i) {
        return mask[i] >= 0.5f;
    }

    /** Normalised horizontal position of the centre of column {@code x}. */
    public float u(int x) {
        return (x + 0.5f) / width;
    }

    /** Normalised vertical position of the centre of row {@code y}. */
    public float v(int y) {
        return (y + 0.5f) / height;
    }

    /** Normalised bounding box {u0, v0, u1, v1} of the foreground; the whole image when there is none. */
    public float[] foregroundBox() {
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (isForeground(y * width + x)) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return new float[] {0, 0, 1, 1};
        }
        return new float[] {(float) x0 / width, (float) y0 / height, (x1 + 1f) / width, (y1 + 1f) / height};
    }
}
