package com.hdcompose.engine.harmonize.highres;

/**
 * Hybrid refinement: per-channel monotone curves fitted per region (lattice nodes over the foreground box, samples
 * splatted bilinearly, each node pulled toward the global curves) and blended bilinearly between regions.
 */
public final class RegionCurvesFit implements ColorTransferFit {
    private static final int BINS = MonotoneCurve.BINS;
    private final int cells;
    private final double prior;

    /** 4×4 regions, global prior worth 0.1 of an average region. */
    public RegionCurvesFit() {
        this(4, 0.1);
    }

    public RegionCurvesFit(int cells, double prior) {
        this.cells = cells;
        this.prior = prior;
    }

    @Override
    public ColorTransfer fit(LowResPair pair) {
        GridLattice grid = new GridLattice(pair.foregroundBox(), cells);
        int nodes = grid.nodeCount();
        double[][] sums = new double[nodes * 3][BINS];
        double[][] weights = new double[nodes * 3][BINS];
        double[][] gSums = new double[3][BINS];
        double[][] gWeights = new double[3][BINS];
        splat(pair, grid, sums, weights);
        CurvesFit.accumulate(pair, gSums, gWeights);
        double total = 0;
        for (double w : gWeights[0]) {
            total += w;
        }
        double alpha = total > 0 ? prior / nodes : 0;
        float[] luts = new float[nodes * 3 * BINS];
        for (int s = 0; s < nodes * 3; s++) {
            int c = s % 3;
            for (int b = 0; b < BINS; b++) {
                sums[s][b] += alpha * gSums[c][b];
                weights[s][b] += alpha * gWeights[c][b];
            }
            System.arraycopy(MonotoneCurve.fit(sums[s], weights[s]), 0, luts, s * BINS, BINS);
        }
        return new Transfer(grid, luts);
    }

    private static void splat(LowResPair pair, GridLattice grid, double[][] sums, double[][] weights) {
        int n = pair.pixelCount();
        int[] nodes = new int[4];
        float[] w = new float[4];
        for (int y = 0; y < pair.height(); y++) {
            for (int x = 0; x < pair.width(); x++) {
                int i = y * pair.width() + x;
                if (!pair.isForeground(i)) {
                    continue;
                }
                grid.locate(pair.u(x), pair.v(y), nodes, w);
                for (int c = 0; c < 3; c++) {
                    int bin = MonotoneCurve.bin(pair.composite()[c * n + i]);
                    float out = pair.output()[c * n + i];
                    for (int k = 0; k < 4; k++) {
                        sums[nodes[k] * 3 + c][bin] += w[k] * out;
                        weights[nodes[k] * 3 + c][bin] += w[k];
                    }
                }
            }
        }
    }

    /** Evaluates the four surrounding regions' curves and blends them bilinearly. */
    private record Transfer(GridLattice grid, float[] luts) implements ColorTransfer {
        @Override
        public void map(float r, float g, float b, float u, float v, float[] out) {
            float gx = grid.gx(u);
            float gy = grid.gy(v);
            int x0 = Math.min((int) gx, grid.nx - 2);
            int y0 = Math.min((int) gy, grid.ny - 2);
            float fx = gx - x0;
            float fy = gy - y0;
            int n00 = y0 * grid.nx + x0;
            int n01 = n00 + grid.nx;
            out[0] = blend(n00, n01, 0, r, fx, fy);
            out[1] = blend(n00, n01, 1, g, fx, fy);
            out[2] = blend(n00, n01, 2, b, fx, fy);
        }

        private float blend(int n00, int n01, int c, float x, float fx, float fy) {
            float top = (1 - fx) * at(n00, c, x) + fx * at(n00 + 1, c, x);
            float bottom = (1 - fx) * at(n01, c, x) + fx * at(n01 + 1, c, x);
            return (1 - fy) * top + fy * bottom;
        }

        private float at(int node, int c, float x) {
            return MonotoneCurve.eval(luts, (node * 3 + c) * BINS, x);
        }
    }
}
