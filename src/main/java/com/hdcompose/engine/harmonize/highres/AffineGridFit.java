package com.hdcompose.engine.harmonize.highres;

/**
 * (c) Spatially varying affine colour map, bilateral-grid style: one 3×4 matrix per lattice node over the foreground
 * box, fitted from bilinearly splatted samples with a ridge toward the global affine fit, and interpolated
 * bilinearly between nodes when applied.
 */
public final class AffineGridFit implements ColorTransferFit {
    private final int cells;
    private final double smoothing;

    /** 8×8 cells, ridge 0.05 of a node's average weight. */
    public AffineGridFit() {
        this(8, 0.05);
    }

    public AffineGridFit(int cells, double smoothing) {
        this.cells = cells;
        this.smoothing = smoothing;
    }

    @Override
    public ColorTransfer fit(LowResPair pair) {
        float[] global = AffineFit.fitMatrix(pair);
        GridLattice grid = new GridLattice(pair.foregroundBox(), cells);
        AffineAccumulator[] acc = splat(pair, grid);
        double total = 0;
        for (AffineAccumulator a : acc) {
            total += a.weight();
        }
        double mu = smoothing * Math.max(1, total / grid.nodeCount());
        float[] coeffs = new float[grid.nodeCount() * 12];
        for (int node = 0; node < acc.length; node++) {
            System.arraycopy(acc[node].solve(global, mu), 0, coeffs, node * 12, 12);
        }
        return new Transfer(grid, coeffs);
    }

    private static AffineAccumulator[] splat(LowResPair pair, GridLattice grid) {
        AffineAccumulator[] acc = new AffineAccumulator[grid.nodeCount()];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = new AffineAccumulator();
        }
        int n = pair.pixelCount();
        float[] c = pair.composite();
        float[] o = pair.output();
        int[] nodes = new int[4];
        float[] w = new float[4];
        for (int y = 0; y < pair.height(); y++) {
            for (int x = 0; x < pair.width(); x++) {
                int i = y * pair.width() + x;
                if (!pair.isForeground(i)) {
                    continue;
                }
                grid.locate(pair.u(x), pair.v(y), nodes, w);
                for (int k = 0; k < 4; k++) {
                    if (w[k] > 0) {
                        acc[nodes[k]].add(c[i], c[n + i], c[2 * n + i], o[i], o[n + i], o[2 * n + i], w[k]);
                    }
                }
            }
        }
        return acc;
    }

    /** Applies the node matrices blended with bilinear weights. */
    private record Transfer(GridLattice grid, float[] coeffs) implements ColorTransfer {
        @Override
        public void map(float r, float g, float b, float u, float v, float[] out) {
            float gx = grid.gx(u);
            float gy = grid.gy(v);
            int x0 = Math.min((int) gx, grid.nx - 2);
            int y0 = Math.min((int) gy, grid.ny - 2);
            float fx = gx - x0;
            float fy = gy - y0;
            int n00 = (y0 * grid.nx + x0) * 12;
            int n10 = n00 + 12;
            int n01 = n00 + grid.nx * 12;
            int n11 = n01 + 12;
            float w00 = (1 - fx) * (1 - fy);
            float w10 = fx * (1 - fy);
            float w01 = (1 - fx) * fy;
            float w11 = fx * fy;
            for (int c = 0; c < 3; c++) {
                int o = c * 4;
                out[c] = w00 * dot(n00 + o, r, g, b) + w10 * dot(n10 + o, r, g, b)
                        + w01 * dot(n01 + o, r, g, b) + w11 * dot(n11 + o, r, g, b);
            }
        }

        private float dot(int o, float r, float g, float b) {
            return coeffs[o] * r + coeffs[o + 1] * g + coeffs[o + 2] * b + coeffs[o + 3];
        }
    }
}
