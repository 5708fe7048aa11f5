package com.hdcompose.cli;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HighResMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The harmonization options shared by commands: K and strength, checked into {@link HarmonizeOptions}. */
final class HarmonizeSettings {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--k", defaultValue = "1", paramLabel = "K",
            description = "Background neighbours per foreground cell for HDNet, 1..9 (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--strength", defaultValue = "1", paramLabel = "S",
            description = "0 = composite unchanged, 1 = full harmonization (default: ${DEFAULT-VALUE}).")
    double strength;

    @Option(names = "--high-res", paramLabel = "MODE", converter = HighResModeConverter.class,
            description = "How HDNet's colour change reaches full resolution: affine-grid (default), affine, curves, "
                    + "region-curves, affine-grid-residual, region-curves-residual, upsample-change, upsample, full-size.")
    HighResMode highRes = HighResMode.DEFAULT;

    /** The options for {@code model}; out-of-range values are argument errors (exit code 2). */
    HarmonizeOptions forModel(String model, int workingSize) {
        try {
            return new HarmonizeOptions(model, k, workingSize, strength, highRes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
