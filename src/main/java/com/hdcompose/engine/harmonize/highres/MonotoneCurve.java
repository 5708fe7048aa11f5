package com.hdcompose.engine.harmonize.highres;

/** Turns binned (input → mean output) samples into a smooth, monotone 256-entry curve by isotonic regression. */
final class MonotoneCurve {
    static final int BINS = 256;

    private MonotoneCurve() {
    }

    /** Bin of a 0..1 value. */
    static int bin(float value) {
        int b = Math.round(value * (BINS - 1));
        return b < 0 ? 0 : Math.min(b, BINS - 1);
    }

    /**
     * Curve values at i/255 from per-bin sums of outputs and weights. Empty bins are interpolated; beyond the
     * observed range the curve continues with slope 1 (keeps highlight and shadow detail); no data gives identity.
     */
    static float[] fit(double[] sumY, double[] weight) {
        int[] xs = new int[BINS];
        double[] ys = new double[BINS];
        double[] ws = new double[BINS];
        int n = 0;
        for (int i = 0; i < BINS; i++) {
            if (weight[i] > 1e-9) {
                xs[n] = i;
                ys[n] = sumY[i] / weight[i];
                ws[n] = weight[i];
                n++;
            }
        }
        float[] lut = new float[BINS];
        if (n == 0) {
            for (int i = 0; i < BINS; i++) {
                lut[i] = i / (BINS - 1f);
            }
            return lut;
        }
        isotonic(ys, ws, n);
        densify(xs, ys, n, lut);
        return smooth(lut);
    }

    /** Pool-adjacent-violators: in-place weighted non-decreasing regression of ys[0..n). */
    private static void isotonic(double[] ys, double[] ws, int n) {
        double[] val = new double[n];
        double[] wt = new double[n];
        int[] len = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            val[blocks] = ys[i];
            wt[blocks] = ws[i];
            len[blocks] = 1;
            blocks++;
            while (blocks > 1 && val[blocks - 2] > val[blocks - 1]) {
                double w = wt[blocks - 2] + wt[blocks - 1];
                val[blocks - 2] = (val[blocks - 2] * wt[blocks - 2] + val[blocks - 1] * wt[blocks - 1]) / w;
                wt[blocks - 2] = w;
                len[blocks - 2] += len[blocks - 1];
                blocks--;
            }
        }
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < len[b]; j++) {
                ys[i++] = val[b];
            }
        }
    }

    private static void densify(int[] xs, double[] ys, int n, float[] lut) {
        for (int i = 0; i < BINS; i++) {
            double y;
            if (i <= xs[0]) {
                y = ys[0] - (xs[0] - i) / (BINS - 1.0);
            } else if (i >= xs[n - 1]) {
                y = ys[n - 1] + (i - xs[n - 1]) / (BINS - 1.0);
            } else {
                int k = 0;
                while (xs[k + 1] < i) {
                    k++;
                }
                double t = (i - xs[k]) / (double) (xs[k + 1] - xs[k]);
                y = ys[k] + t * (ys[k + 1] - ys[k]);
            }
            lut[i] = (float) Math.max(0, Math.min(1, y));
        }
    }

    /** Two passes of a 5-tap box filter (edges replicated); keeps the curve monotone. */
    private static float[] smooth(float[] lut) {
        float[] cur = lut;
        for (int pass = 0; pass < 2; pass++) {
            float[] next = new float[BINS];
            for (int i = 0; i < BINS; i++) {
                float s = 0;
                for (int d = -2; d <= 2; d++) {
                    s += cur[Math.max(0, Math.min(BINS - 1, i + d))];
                }
                next[i] = s / 5;
            }
            cur = next;
        }
        return cur;
    }

    /** Linear interpolation of a curve starting at {@code off} in {@code luts} at a 0..1 input. */
    static float eval(float[] luts, int off, float x) {
        float p = x * (BINS - 1);
        if (p <= 0) {
            return luts[off];
        }
        if (p >= BINS - 1) {
            return luts[off + BINS - 1];
        }
        int i = (int) p;
        float t = p - i;
        return luts[off + i] + t * (luts[off + i + 1] - luts[off + i]);
    }
}
