package com.hdcompose.cli;

import com.hdcompose.cli.bench.BenchRunner;
import com.hdcompose.cli.bench.PreviewSoak;
import com.hdcompose.cli.bench.TorchReference;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.onnx.ModelCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hdcompose bench}: latency, peak memory and PyTorch/codec ratios of every installed model, as tables. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Median and p90 latency of harmonize per model at 256, 512, 1024 and 2048 px (4096 with --large),",
                "end to end with the image in memory; peak memory; the PyTorch reference at 256 px as a ratio;",
                "and harmonize time at 2048 px against a 2048 px PNG decode+encode with OpenCV."})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    HdComposeCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", split = ",", paramLabel = "ID",
            description = "Models to time (default: every model id, classic included; missing ones are skipped).")
    List<String> models;

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "N", description = "Timed runs per case (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--large", description = "Also time 4096x4096.")
    boolean large;

    @Option(names = "--sizes", split = ",", paramLabel = "PX", defaultValue = "256,512,1024,2048",
            description = "Square image sizes to time (default: ${DEFAULT-VALUE}).")
    List<Integer> sizeList;

    @Option(names = "--k", defaultValue = "1", paramLabel = "K", description = "HDNet neighbours (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--high-res", paramLabel = "MODE", converter = HighResModeConverter.class,
            description = "High-resolution path for HDNet (default: the app default).")
    HighResMode highRes = HighResMode.DEFAULT;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", paramLabel = "EXE",
            description = "Python with torch for the reference timing (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--no-torch", description = "Skip the PyTorch reference.")
    boolean noTorch;

    @Option(names = "--interleave", description = {"Time the models in turns (one run each, the order rotated every",
            "repeat), so that a shared machine's drift hits every model alike; for comparing models."})
    boolean interleave;

    @Option(names = "--soak", paramLabel = "N",
            description = "Instead of the tables: N editor previews (three layers, edits between them) and the RSS growth.")
    Integer soak;

    @Override
    public Integer call() {
        if (repeats < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--repeats must be at least 1");
        }
        com.hdcompose.engine.imaging.OpenCvLoader.load();
        List<Integer> sizes = new ArrayList<>(sizeList);
        if (sizes.stream().anyMatch(x -> x < 64 || x > 8192)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sizes must be between 64 and 8192");
        }
        if (large && !sizes.contains(4096)) {
            sizes.add(4096);
        }
        if (soak != null) {
            return soak();
        }
        try (HarmonizerProvider provider = root.openProvider()) {
            List<String> ids = models == null ? provider.modelIds() : models;
            TorchReference torch = noTorch ? null : TorchReference.in(modelsDir(provider), python);
            new BenchRunner(provider, new BenchRunner.Settings(ids, sizes, repeats, k, highRes, torch, 2048,
                    interleave),
                    spec.commandLine().getOut()).run();
        }
        return HdComposeCli.OK;
    }

    /** The preview soak on the demo scene (or a generated one) with the installed default model. */
    private int soak() {
        if (soak < PreviewSoak.WARM_UP + 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--soak needs more than " + PreviewSoak.WARM_UP + " previews (the warm-up)");
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        try (HarmonizerProvider provider = root.openProvider()) {
            com.hdcompose.engine.document.CompositionDocument doc = PreviewSoak.scene();
            out.printf(java.util.Locale.ROOT, "soak: %d previews of a %dx%d scene with 3 layers (%s, K %d, quick"
                    + " previews at %d px)%n", soak, doc.width(), doc.height(), doc.settings().model(), doc.settings().k(),
                    doc.settings().workingSize());
            PreviewSoak.Result r = new PreviewSoak(doc, new com.hdcompose.engine.harmonize.HarmonizerResolver(provider),
                    out).run(soak);
            out.printf(java.util.Locale.ROOT, "soak: %d previews (%d superseded and cancelled) in %.0f s; RSS after %d"
                    + " previews %.0f MiB, at the end %.0f MiB: growth %.1f MiB%n", r.previews(), r.cancelled(),
                    r.seconds(), PreviewSoak.WARM_UP, r.rssAfterWarmUpMiB(), r.rssEndMiB(), r.growthMiB());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HdComposeCli.INTERNAL_ERROR;
        }
        return HdComposeCli.OK;
    }

    private java.nio.file.Path modelsDir(HarmonizerProvider provider) {
        return provider instanceof ModelCatalog c ? c.directory() : root.modelsDir;
    }
}
