package com.hdcompose.engine.harmonize.highres;

/**
 * (d) No colour model: the low-resolution output is sampled bilinearly at each full-resolution pixel. With
 * {@code changeOnly}, only the colour change (output − composite) is upsampled and added to the full-resolution
 * pixel, which keeps the composite's detail. At scale 1 both reproduce the output exactly.
 */
public final class UpsampleFit implements ColorTransferFit {
    private final boolean changeOnly;

    public UpsampleFit(boolean changeOnly) {
        this.changeOnly = changeOnly;
    }

    @Override
    public ColorTransfer fit(LowResPair pair) {
        float[] field = changeOnly ? change(pair) : pair.output();
        PlanarSampler sampler = new PlanarSampler(field, pair.width(), pair.height());
        if (!changeOnly) {
            return (r, g, b, u, v, out) -> sampler.sample(u, v, out);
        }
        return (r, g, b, u, v, out) -> {
            out[0] = r;
            out[1] = g;
            out[2] = b;
            sampler.addTo(u, v, out);
        };
    }

    /** output − composite, as a new array (the pair is not modified; the sampler only reads). */
    private static float[] change(LowResPair pair) {
        float[] out = pair.output();
        float[] in = pair.composite();
        float[] field = new float[out.length];
        for (int i = 0; i < field.length; i++) {
            field[i] = out[i] - in[i];
        }
        return field;
    }
}
