package com.hdcompose.engine.harmonize.highres;

/**
 * A colour fit refined by what it misses: the foreground residual (output − fit) at working resolution is
 * upsampled bilinearly and added, so smooth changes the fit cannot express are kept while the fit carries detail.
 */
public final class ResidualCorrectedFit implements ColorTransferFit {
    private final ColorTransferFit base;

    public ResidualCorrectedFit(ColorTransferFit base) {
        this.base = base;
    }

    @Override
    public ColorTransfer fit(LowResPair pair) {
        ColorTransfer t = base.fit(pair);
        int n = pair.pixelCount();
        float[] c = pair.composite();
        float[] o = pair.output();
        float[] residual = new float[3 * n];
        float[] px = new float[3];
        pair.forEachForeground((i, x, y) -> {
            t.map(c[i], c[n + i], c[2 * n + i], pair.u(x), pair.v(y), px);
            for (int ch = 0; ch < 3; ch++) {
                residual[ch * n + i] = o[ch * n + i] - px[ch];
            }
        });
        PlanarSampler sampler = new PlanarSampler(residual, pair.width(), pair.height());
        return (r, g, b, u, v, out) -> {
            t.map(r, g, b, u, v, out);
            sampler.addTo(u, v, out);
        };
    }
}
