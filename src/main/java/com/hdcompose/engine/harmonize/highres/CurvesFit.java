package com.hdcompose.engine.harmonize.highres;

/** (a) Per-channel monotone curves (input value → output value) fitted on the foreground, applied as lookup tables. */
public final class CurvesFit implements ColorTransferFit {
    @Override
    public ColorTransfer fit(LowResPair pair) {
        double[][] sums = new double[3][MonotoneCurve.BINS];
        double[][] weights = new double[3][MonotoneCurve.BINS];
        accumulate(pair, sums, weights);
        float[] luts = new float[3 * MonotoneCurve.BINS];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(MonotoneCurve.fit(sums[c], weights[c]), 0, luts, c * MonotoneCurve.BINS, MonotoneCurve.BINS);
        }
        return (r, g, b, u, v, out) -> {
            out[0] = MonotoneCurve.eval(luts, 0, r);
            out[1] = MonotoneCurve.eval(luts, MonotoneCurve.BINS, g);
            out[2] = MonotoneCurve.eval(luts, 2 * MonotoneCurve.BINS, b);
        };
    }

    /** Adds each foreground sample's output to the bin of its input value, per channel. */
    static void accumulate(LowResPair pair, double[][] sums, double[][] weights) {
        int n = pair.pixelCount();
        pair.forEachForeground((i, x, y) -> {
            for (int c = 0; c < 3; c++) {
                int bin = MonotoneCurve.bin(pair.composite()[c * n + i]);
                sums[c][bin] += pair.output()[c * n + i];
                weights[c][bin] += 1;
            }
        });
    }
}
