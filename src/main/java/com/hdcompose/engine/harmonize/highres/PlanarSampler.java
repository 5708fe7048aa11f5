package com.hdcompose.engine.harmonize.highres;

/** Bilinear sampling of a 3-plane (CHW) float field at normalised positions, clamped at the borders. */
final class PlanarSampler {
    private final float[] field;
    private final int width;
    private final int height;

    PlanarSampler(float[] field, int width, int height) {
        this.field = field;
        this.width = width;
        this.height = height;
    }

    /** Writes the 3 channels of the field at (u, v) into {@code out}. */
    void sample(float u, float v, float[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        addTo(u, v, out);
    }

    /** Adds the 3 channels of the field at (u, v) to {@code out}. */
    void addTo(float u, float v, float[] out) {
        float px = clamp(u * width - 0.5f, width - 1);
        float py = clamp(v * height - 0.5f, height - 1);
        int x0 = (int) px;
        int y0 = (int) py;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        float fx = px - x0;
        float fy = py - y0;
        int n = width * height;
        for (int c = 0; c < 3; c++) {
            int o = c * n;
            float top = field[o + y0 * width + x0] + fx * (field[o + y0 * width + x1] - field[o + y0 * width + x0]);
            float bot = field[o + y1 * width + x0] + fx * (field[o + y1 * width + x1] - field[o + y1 * width + x0]);
            out[c] += top + fy * (bot - top);
        }
    }

    private static float clamp(float p, int max) {
        return p < 0 ? 0 : Math.min(p, max);
    }
}
