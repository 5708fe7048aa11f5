package com.hdcompose.engine.harmonize.highres;

/**
 * The affine-grid colour map applied without per-pixel objects or callbacks: the same arithmetic, in the same order,
 * as {@link GridTransfer} over {@link GridLattice} with one 3×4 matrix per node, so results are bit-identical.
 */
final class AffineGridTransfer implements ColorTransfer {
    private final GridLattice grid;
    private final float[] coeffs;

    /** {@code coeffs}: 12 per node (3 rows of 4), nodes row-major on {@code grid}. */
    AffineGridTransfer(GridLattice grid, float[] coeffs) {
        this.grid = grid;
        this.coeffs = coeffs;
    }

    @Override
    public void map(float r, float g, float b, float u, float v, float[] out) {
        int nx = grid.nx;
        float gx = grid.gridX(u);
        float gy = grid.gridY(v);
        int x0 = Math.min((int) gx, nx - 2);
        int y0 = Math.min((int) gy, grid.ny - 2);
        float fx = gx - x0;
        float fy = gy - y0;
        int tl = y0 * nx + x0;
        float w0 = (1 - fx) * (1 - fy);
        float w1 = fx * (1 - fy);
        float w2 = (1 - fx) * fy;
        float w3 = fx * fy;
        int o0 = tl * 12;
        int o1 = o0 + 12;
        int o2 = (tl + nx) * 12;
        int o3 = o2 + 12;
        for (int c = 0; c < 3; c++) {
            int q = c * 4;
            float acc = 0;
            acc += w0 * at(o0 + q, r, g, b);
            acc += w1 * at(o1 + q, r, g, b);
            acc += w2 * at(o2 + q, r, g, b);
            acc += w3 * at(o3 + q, r, g, b);
            out[c] = acc;
        }
    }

    private float at(int o, float r, float g, float b) {
        float[] a = coeffs;
        return a[o] * r + a[o + 1] * g + a[o + 2] * b + a[o + 3];
    }
}
