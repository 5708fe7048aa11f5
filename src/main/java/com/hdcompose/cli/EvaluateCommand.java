package com.hdcompose.cli;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hdcompose evaluate}: iHarmony4-protocol scores of the composite, classic and the models on a folder of triplets. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score methods on a folder of NAME_comp/NAME_mask/NAME_real triplets.",
                "MSE, PSNR, fMSE and SSIM (iHarmony4 protocol), overall and by foreground ratio,",
                "with the untouched composite and classic as reference rows."})
final class EvaluateCommand implements Callable<Integer> {
    @ParentCommand
    HdComposeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of triplets.")
    Path inputDir;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Folder for harmonized images, metrics.csv and summary.json (default: nothing is written).")
    Path outputDir;

    @Option(names = "--size", defaultValue = "256", paramLabel = "256|native",
            description = "Square size the images are resized to, or native (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--model", paramLabel = "ID",
            description = "Model to score, repeatable (default: every installed model).")
    List<String> models = new ArrayList<>();

    @Option(names = "--working-size", defaultValue = "256", paramLabel = "PX",
            description = "Working resolution of the networks, a multiple of 8 (default: ${DEFAULT-VALUE}).")
    int workingSize;

    @Mixin
    HarmonizeSettings settings;

    @Override
    public Integer call() throws IOException {
        OptionalInt evaluationSize = parseSize();
        PrintWriter err = spec.commandLine().getErr();
        try (HarmonizerProvider provider = root.openProvider()) {
            LinkedHashMap<String, Harmonizer> methods = chooseMethods(provider, err);
            TripletEvaluator evaluator = new TripletEvaluator(methods, settings.forModel(ClassicHarmonizer.ID, workingSize),
                    evaluationSize, Optional.ofNullable(outputDir));
            List<EvaluationRow> rows = new ArrayList<>();
            ImageSetLoop.Tally tally = ImageSetLoop.run(ImageSetScanner.scan(inputDir), err, "skipped",
                    (set, report) -> rows.addAll(evaluator.evaluate(set)));
            return report(rows, tally);
        }
    }

    private int report(List<EvaluationRow> rows, ImageSetLoop.Tally tally) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        EvaluationReport report = new EvaluationReport(rows);
        String sizeLabel = size.toLowerCase(Locale.ROOT).equals("native") ? "native size" : size + "x" + size;
        out.printf(Locale.ROOT, "%d of %d triplets scored at %s (%s)%n", tally.ok(), tally.total(), sizeLabel, inputDir);
        report.printTable(out);
        if (outputDir != null) {
            Path csv = outputDir.resolve("metrics.csv");
            report.writeCsv(csv);
            out.println("per-image scores: " + csv);
            report.writeJson(outputDir.resolve("summary.json"), inputDir.toString(), sizeLabel);
        }
        out.flush();
        if (tally.ok() == 0) {
            throw HarmonizeException.badInput("no triplet in " + inputDir + " could be scored");
        }
        return tally.exitCode();
    }

    /** Classic plus the requested models (default: every installed one); models that would fall back are skipped. */
    private LinkedHashMap<String, Harmonizer> chooseMethods(HarmonizerProvider provider, PrintWriter err) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(ClassicHarmonizer.ID);
        ids.addAll(models.isEmpty() ? provider.modelIds() : models);
        LinkedHashMap<String, Harmonizer> methods = new LinkedHashMap<>();
        for (String id : ids) {
            Harmonizer harmonizer = provider.get(id);
            if (!harmonizer.id().equals(id)) {
                if (!models.isEmpty()) {
                    err.println("warning: skipping " + id + ": not installed (it would run as " + harmonizer.id() + ")");
                }
                continue;
            }
            methods.put(id, harmonizer);
        }
        return methods;
    }

    private OptionalInt parseSize() {
        if (size.equalsIgnoreCase("native")) {
            return OptionalInt.empty();
        }
        try {
            int side = Integer.parseInt(size);
            if (side >= 8 && side <= 4096) {
                return OptionalInt.of(side);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--size must be native or a size in pixels (8..4096), got " + size);
    }
}
