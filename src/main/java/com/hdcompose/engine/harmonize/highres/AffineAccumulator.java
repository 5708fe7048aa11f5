package com.hdcompose.engine.harmonize.highres;

/** Weighted normal equations of a 3×4 affine colour map {@code y = A·[r,g,b,1]}, solved with a ridge toward a prior. */
final class AffineAccumulator {
    /** The identity colour map as 3 rows of 4 coefficients. */
    static final float[] IDENTITY = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};

    private final double[] xtx = new double[16];
    private final double[] xty = new double[12];
    private double weight;

    void add(float r, float g, float b, float yr, float yg, float yb, float w) {
        float[] x = {r, g, b, 1};
        float[] y = {yr, yg, yb};
        for (int i = 0; i < 4; i++) {
            double wx = w * x[i];
            for (int j = i; j < 4; j++) {
                xtx[i * 4 + j] += wx * x[j];
            }
            for (int c = 0; c < 3; c++) {
                xty[i * 3 + c] += wx * y[c];
            }
        }
        weight += w;
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
