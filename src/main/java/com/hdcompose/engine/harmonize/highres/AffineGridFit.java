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
        return new AffineGridTransfer(grid, coeffs);
    }

    private static AffineAccumulator[] splat(LowResPair pair, GridLattice grid) {
        AffineAccumulator[] acc = new AffineAccumulator[grid.nodeCount()];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = new AffineAccumulator();
        }
        int n = pair.pixelCount();
        float[] c = pair.composite();
        float[] o = pair.output();
        pair.forEachForeground((i, x, y) -> {
            GridLattice.Cell cell = grid.cell(pair.u(x), pair.v(y));
            for (int k = 0; k < 4; k++) {
                acc[cell.node(k)].add(c[i], c[n + i], c[2 * n + i], o[i], o[n + i], o[2 * n + i], cell.weight(k));
            }
        });
        return acc;
    }
}
