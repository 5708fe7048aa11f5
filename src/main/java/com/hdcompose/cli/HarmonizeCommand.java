package com.hdcompose.cli;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hdcompose harmonize}: one composite and mask to one output file, or a whole folder of them. */
@Command(name = "harmonize", mixinStandardHelpOptions = true,
        description = {"Harmonize one composite, or a folder of NAME_comp/NAME_mask pairs.",
                "One image: --composite, --mask (default: its alpha), --out.",
                "A folder: --input, --output; writes NAME_out.png for every NAME_comp.* with a NAME_mask.*."})
final class HarmonizeCommand implements Callable<Integer> {
    @ParentCommand
    HdComposeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--composite", paramLabel = "FILE", description = "Composite image (PNG, JPEG, TIFF, BMP, WebP).")
    Path composite;

    @Option(names = "--mask", paramLabel = "FILE", description = "Object mask; default: the composite's alpha channel.")
    Path mask;

    @Option(names = "--out", paramLabel = "FILE", description = "Output image, .png or .jpg.")
    Path out;

    @Option(names = "--input", paramLabel = "DIR", description = "Folder of NAME_comp.* and NAME_mask.* files.")
    Path inputDir;

    @Option(names = "--output", paramLabel = "DIR", description = "Folder for the NAME_out.png results.")
    Path outputDir;

    @Option(names = "--model", defaultValue = HarmonizeOptions.DEFAULT_MODEL, paramLabel = "ID",
            description = "hdnet-ct, hdnet-lite, hdnet, s2crnet or classic (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--size", defaultValue = "256", paramLabel = "PX",
            description = "Working resolution of the network, a multiple of 8 (default: ${DEFAULT-VALUE}).")
    int workingSize;

    @Mixin
    HarmonizeSettings settings;

    @Override
    public Integer call() {
        boolean single = composite != null || mask != null || out != null;
        boolean batch = inputDir != null || outputDir != null;
        if (single == batch) {
            throw new ParameterException(spec.commandLine(),
                    "give either --composite and --out (one image) or --input and --output (a folder)");
        }
        HarmonizeOptions options = settings.forModel(model, workingSize);
        try (HarmonizerProvider provider = root.openProvider()) {
            Harmonizer harmonizer = provider.get(model);
            if (batch) {
                require(inputDir, "--input");
                require(outputDir, "--output");
                return new BatchHarmonization(harmonizer, options, spec.commandLine().getErr()).run(inputDir, outputDir);
            }
            require(composite, "--composite");
            require(out, "--out");
            return harmonizeOne(harmonizer, options);
        }
    }

    private int harmonizeOne(Harmonizer harmonizer, HarmonizeOptions options) {
        PrintWriter err = spec.commandLine().getErr();
        FileHarmonization.Outcome outcome = FileHarmonization.run(harmonizer, composite, Optional.ofNullable(mask),
                out, options);
        outcome.warnings().forEach(w -> err.println("warning: " + w));
        spec.commandLine().getOut().println("wrote " + out + " (" + outcome.modelUsed() + ", "
                + outcome.totalMillis() + " ms)");
        return HdComposeCli.OK;
    }

    private void require(Object value, String option) {
        if (value == null) {
            throw new ParameterException(spec.commandLine(), "missing " + option);
        }
    }
}
