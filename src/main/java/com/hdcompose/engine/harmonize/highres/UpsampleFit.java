package com.hdcompose.engine.harmonize.highres;

/**
 * (d) No colour model: the low-resolution output is sampled bilinearly at each full-resolution pixel. With
 * {@code changeOnly}, only the colour change (output − composite) is upsampled and added to the full-resolution
 * pixel, which keeps the composite's detail. At scale 1 both reproduce the output exactly.
 */
public final class UpsampleFit implements ColorTransferFit {
    private final boolean changeOnly;

    public UpsampleFit(boolean changeOnly) {
        this.changeOnly = changeOnly;
    }

    @Override
    public ColorTransfer fit(LowResPair pair) {
        int w = pair.width();
        int h = pair.height();
        int n = w * h;
        float[] field = pair.output().clone();
        if (changeOnly) {
            for (int i = 0; i < 3 * n; i++) {
                field[i] -= pair.composite()[i];
            }
        }
        return (r, g, b, u, v, out) -> {
            float px = clamp(u * w - 0.5f, w - 1);
            float py = clamp(v * h - 0.5f, h - 1);
            int x0 = (int) px;
            int y0 = (int) py;
            int x1 = Math.min(x0 + 1, w - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            float fx = px - x0;
            float fy = py - y0;
            for (int c = 0; c < 3; c++) {
                int o = c * n;
                float top = field[o + y0 * w + x0] + fx * (field[o + y0 * w + x1] - field[o + y0 * w + x0]);
                float bot = field[o + y1 * w + x0] + fx * (field[o + y1 * w + x1] - field[o + y1 * w + x0]);
                float s = top + fy * (bot - top);
                out[c] = changeOnly ? (c == 0 ? r : c == 1 ? g : b) + s : s;
            }
        };
    }

    private static float clamp(float p, int max) {
        return p < 0 ? 0 : Math.min(p, max);
    }
}
