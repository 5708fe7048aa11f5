package com.hdcompose.engine.harmonize.highres;

/** (b) One 3×4 affine colour matrix, least squares on the foreground with a light ridge toward the identity. */
public final class AffineFit implements ColorTransferFit {
    /** Ridge weight per foreground sample; keeps flat-coloured objects well posed. */
    static final double RIDGE = 1e-3;

    @Override
    public ColorTransfer fit(LowResPair pair) {
        float[] a = fitMatrix(pair);
        return (r, g, b, u, v, out) -> AffineAccumulator.apply(a, 0, r, g, b, out);
    }

    /** The fitted matrix, 3 rows of 4 coefficients. */
    static float[] fitMatrix(LowResPair pair) {
        AffineAccumulator acc = new AffineAccumulator();
        int n = pair.pixelCount();
        float[] c = pair.composite();
        float[] o = pair.output();
        pair.forEachForeground((i, x, y) -> acc.add(c[i], c[n + i], c[2 * n + i], o[i], o[n + i], o[2 * n + i], 1f));
        return acc.solve(AffineAccumulator.IDENTITY, RIDGE * Math.max(1, acc.weight()));
    }
}
