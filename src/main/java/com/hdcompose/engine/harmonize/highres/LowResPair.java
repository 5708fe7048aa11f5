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

    /** Receives foreground pixels: row-major index and column/row. */
    @FunctionalInterface
    public interface PixelVisitor {
        void visit(int i, int x, int y);
    }

    /** Calls {@code visitor} for every foreground pixel, row by row. */
    public void forEachForeground(PixelVisitor visitor) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (isForeground(i)) {
                    visitor.visit(i, x, y);
                }
            }
        }
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
        int[] b = {width, height, -1, -1};
        forEachForeground((i, x, y) -> {
            b[0] = Math.min(b[0], x);
            b[1] = Math.min(b[1], y);
            b[2] = Math.max(b[2], x);
            b[3] = Math.max(b[3], y);
        });
        if (b[2] < 0) {
            return new float[] {0, 0, 1, 1};
        }
        return new float[] {(float) b[0] / width, (float) b[1] / height, (b[2] + 1f) / width, (b[3] + 1f) / height};
    }
}
