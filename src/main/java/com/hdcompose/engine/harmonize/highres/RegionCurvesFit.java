package com.hdcompose.engine.harmonize.highres;

/**
 * Hybrid refinement: per-channel monotone curves fitted per region (lattice nodes over the foreground box, samples
 * splatted bilinearly, each node pulled toward the global curves) and blended bilinearly between regions.
 */
public final class RegionCurvesFit implements ColorTransferFit {
    private static final int BINS = MonotoneCurve.BINS;
    /** Regions per side of the foreground box. */
    static final int CELLS = 4;
    /** Weight of the global curves in each region, as a share of an average region's samples. */
    static final double PRIOR = 0.1;

    @Override
    public ColorTransfer fit(LowResPair pair) {
        GridLattice grid = new GridLattice(pair.foregroundBox(), CELLS);
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
        double alpha = total > 0 ? PRIOR / nodes : 0;
        float[] luts = new float[nodes * 3 * BINS];
        for (int s = 0; s < nodes * 3; s++) {
            int c = s % 3;
            for (int b = 0; b < BINS; b++) {
                sums[s][b] += alpha * gSums[c][b];
                weights[s][b] += alpha * gWeights[c][b];
            }
            System.arraycopy(MonotoneCurve.fit(sums[s], weights[s]), 0, luts, s * BINS, BINS);
        }
        return new GridTransfer(grid, (node, c, r, g, b) ->
                MonotoneCurve.eval(luts, (node * 3 + c) * BINS, c == 0 ? r : c == 1 ? g : b));
    }

    private static void splat(LowResPair pair, GridLattice grid, double[][] sums, double[][] weights) {
        int n = pair.pixelCount();
        pair.forEachForeground((i, x, y) -> {
            GridLattice.Cell cell = grid.cell(pair.u(x), pair.v(y));
            for (int c = 0; c < 3; c++) {
                int bin = MonotoneCurve.bin(pair.composite()[c * n + i]);
                float out = pair.output()[c * n + i];
                for (int k = 0; k < 4; k++) {
                    sums[cell.node(k) * 3 + c][bin] += cell.weight(k) * out;
                    weights[cell.node(k) * 3 + c][bin] += cell.weight(k);
                }
            }
        });
    }
}
