package com.hdcompose.engine.harmonize;

/**
 * What the user chose for one harmonization run.
 *
 * @param model       model id: "hdnet-ct" (the default), "hdnet-lite", "hdnet", "s2crnet" or "classic"
 * @param k           number of background neighbours for HDNet's local dynamic module, 1..9
 * @param workingSize long side, in pixels, at which the network runs (multiple of 8)
 * @param strength    0 = composite unchanged, 1 = full harmonization
 * @param highRes     how the low-resolution colour change reaches full resolution (HDNet models)
 */
public record HarmonizeOptions(String model, int k, int workingSize, double strength, HighResMode highRes) {
    /** The model new documents, the command line and the demo scene start on: HDNet-CT (models/README.md). */
    public static final String DEFAULT_MODEL = "hdnet-ct";
    public static final int MIN_K = 1;
    public static final int MAX_K = 9;

    public HarmonizeOptions {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must be named");
        }
        if (k < MIN_K || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and 9, got " + k);
        }
        if (workingSize < 64 || workingSize > 4096 || workingSize % 8 != 0) {
            throw new IllegalArgumentException("working size must be a multiple of 8 between 64 and 4096, got " + workingSize);
        }
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be between 0 and 1, got " + strength);
        }
        if (highRes == null) {
            highRes = HighResMode.DEFAULT;
        }
    }

    /** Options with the default high-resolution mode. */
    public HarmonizeOptions(String model, int k, int workingSize, double strength) {
        this(model, k, workingSize, strength, HighResMode.DEFAULT);
    }

    public static HarmonizeOptions defaults(String model) {
        return new HarmonizeOptions(model, 1, 256, 1.0);
    }

    public HarmonizeOptions withModel(String m) {
        return new HarmonizeOptions(m, k, workingSize, strength, highRes);
    }

    public HarmonizeOptions withK(int newK) {
        return new HarmonizeOptions(model, newK, workingSize, strength, highRes);
    }

    public HarmonizeOptions withWorkingSize(int size) {
        return new HarmonizeOptions(model, k, size, strength, highRes);
    }

    public HarmonizeOptions withStrength(double s) {
        return new HarmonizeOptions(model, k, workingSize, s, highRes);
    }

    public HarmonizeOptions withHighRes(HighResMode mode) {
        return new HarmonizeOptions(model, k, workingSize, strength, mode);
    }
}
