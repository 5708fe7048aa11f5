package com.hdcompose.engine.harmonize.highres;

/** Weighted normal equations of a 3×4 affine colour map {@code y = A·[r,g,b,1]}, solved with a ridge toward a prior. */
final class AffineAccumulator {
    /** The identity colour map as 3 rows of 4 coefficients. */
    static final float[] IDENTITY = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};

    private final double[] xtx = new double[16];
    private final double[] xty = new double[12];
    private double weight;

    /** Adds sample x = (r, g, b, 1) → y with weight {@code w}; unrolled, same arithmetic as the loop form. */
    void add(float r, float g, float b, float yr, float yg, float yb, float w) {
        row(0, w * r, r, g, b, yr, yg, yb);
        row(1, w * g, r, g, b, yr, yg, yb);
        row(2, w * b, r, g, b, yr, yg, yb);
        double w3 = w * 1f;
        xtx[15] += w3 * 1f;
        xty[9] += w3 * yr;
        xty[10] += w3 * yg;
        xty[11] += w3 * yb;
        weight += w;
    }

    /** Row {@code i} of the normal equations: xtx[i][j ≥ i] += wx·x[j], xty[i][c] += wx·y[c]. */
    private void row(int i, double wx, float r, float g, float b, float yr, float yg, float yb) {
        int o = i * 4;
        if (i == 0) {
            xtx[o] += wx * r;
        }
        if (i <= 1) {
            xtx[o + 1] += wx * g;
        }
        xtx[o + 2] += wx * b;
        xtx[o + 3] += wx * 1f;
        xty[i * 3] += wx * yr;
        xty[i * 3 + 1] += wx * yg;
        xty[i * 3 + 2] += wx * yb;
    }

    double weight() {
        return weight;
    }

    /** Minimises Σ w‖A·x − y‖² + mu·‖A − prior‖²; returns A as 3 rows of 4. */
    float[] solve(float[] prior, double mu) {
        double[] a = new double[16];
        double[] b = new double[12];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                a[i * 4 + j] = i <= j ? xtx[i * 4 + j] : xtx[j * 4 + i];
            }
            a[i * 4 + i] += mu;
            for (int c = 0; c < 3; c++) {
                b[i * 3 + c] = xty[i * 3 + c] + mu * prior[c * 4 + i];
            }
        }
        double[] bt = SmallLinearSolver.solve(a, b, 4, 3);
        float[] out = new float[12];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 4; i++) {
                out[c * 4 + i] = (float) bt[i * 3 + c];
            }
        }
        return out;
    }

    /** Applies a 3×4 map (3 rows of 4, starting at {@code off}) to one colour. */
    static void apply(float[] a, int off, float r, float g, float b, float[] out) {
        for (int c = 0; c < 3; c++) {
            int o = off + c * 4;
            out[c] = a[o] * r + a[o + 1] * g + a[o + 2] * b + a[o + 3];
        }
    }
}
