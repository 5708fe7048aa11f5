package com.hdcompose.tools;

import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.engine.imaging.ImageMetrics;
import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.OpenCvLoader;
import com.hdcompose.engine.task.CancellationToken;
import com.hdcompose.onnx.HdnetHarmonizer;
import com.hdcompose.onnx.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 6's comparison of the high-resolution paths: every {@link HighResMode} of an HDNet model on real triplets at
 * native resolution and on validation photos enlarged to 2048, scored (PSNR, fMSE) against ground truth, beside the
 * same model scored at 256×256 and the untouched composite.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:CP com.hdcompose.tools.HighResComparison
 * [models-dir] [model-id] [triplets-dir] [train-data-dir] [photos-per-folder] [working-size]}</p>
 */
public final class HighResComparison {
    private static final Harmonizer CLASSIC = new ClassicHarmonizer();

    /** Working resolution of the network (long side). */
    private static int workingSize = 256;

    private HighResComparison() {
    }

    public static void main(String[] args) throws Exception {
        OpenCvLoader.load();
        Path models = Path.of(arg(args, 0, "models"));
        String model = arg(args, 1, "hdnet-lite");
        Path triplets = Path.of(arg(args, 2, "../shared/data/eval/triplets"));
        Path data = Path.of(arg(args, 3, "../shared/data/train"));
        int perFolder = Integer.parseInt(arg(args, 4, "2"));
        workingSize = Integer.parseInt(arg(args, 5, "256"));
        try (ModelCatalog catalog = new ModelCatalog(models, new ClassicHarmonizer())) {
            Harmonizer h = catalog.get(model);
            Harmonizer s2 = catalog.isInstalled("s2crnet") ? catalog.get("s2crnet") : null;
            if (Files.isDirectory(triplets)) {
                report("triplets at native resolution (" + triplets + ")", ComparisonCase.triplets(triplets), h, s2);
            }
            if (Files.isRegularFile(data.resolve("val.txt"))) {
                report("validation photos enlarged to 2048, object re-coloured (" + data + ")",
                        SyntheticComposites.load(data, perFolder, 2048), h, s2);
            }
        }
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }

    /** Running sums of one method's scores. */
    private static final class Tally {
        double psnr;
        double fmse;
        double millis;
        int n;

        /** Adds the PSNR and fMSE of {@code result} against {@code real} (SSIM left out: slow at 2048 px). */
        void add(ManagedMat result, ManagedMat real, ManagedMat mask, double ms) {
            psnr += ImageMetrics.psnr(ImageMetrics.mse(result, real));
            fmse += ImageMetrics.fmse(result, real, mask);
            millis += ms;
            n++;
        }
    }

    static void report(String title, List<ComparisonCase> cases, Harmonizer h, Harmonizer s2) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Map<String, Tally> oracle = new LinkedHashMap<>();
        for (ComparisonCase c : cases) {
            try (c) {
                score(c, h, s2, tallies);
                scoreOracle(c, oracle);
            }
        }
        print(title + " — " + h.id() + " at " + workingSize + " px", cases.size(), tallies);
        print(title + " — oracle (ground truth as the " + workingSize + "-px output)", cases.size(), oracle);
    }

    private static void scoreOracle(ComparisonCase c, Map<String, Tally> tallies) {
        for (HighResMode mode : HighResMode.values()) {
            if (mode == HighResMode.FULL_SIZE) {
                continue;
            }
            long start = System.nanoTime();
            try (ManagedMat out = OracleHighRes.render(c, mode, workingSize)) {
                double ms = (System.nanoTime() - start) / 1e6;
                tallies.computeIfAbsent(mode.cliName(), k -> new Tally()).add(out, c.real(), c.mask(), ms);
            }
        }
    }

    private static void print(String title, int images, Map<String, Tally> tallies) {
        System.out.printf(Locale.ROOT, "%n%s, %d images%n", title, images);
        System.out.printf(Locale.ROOT, "%-26s %8s %10s %10s %9s%n", "method", "PSNR dB", "fMSE", "ms", "images");
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            System.out.printf(Locale.ROOT, "%-26s %8.2f %10.1f %10.0f %9d%n", e.getKey(), t.psnr / t.n, t.fmse / t.n,
                    t.millis / t.n, t.n);
        }
    }

    private static void score(ComparisonCase c, Harmonizer h, Harmonizer s2, Map<String, Tally> tallies) {
        tallies.computeIfAbsent("composite (no change)", k -> new Tally())
                .add(c.composite(), c.real(), c.mask(), 0);
        try (ManagedMat comp = ImageOps.resize(c.composite(), 256, 256); ManagedMat mask = ImageOps.resize(c.mask(), 256, 256);
             ManagedMat real = ImageOps.resize(c.real(), 256, 256)) {
            tallies.computeIfAbsent("composite scored at 256x256", k -> new Tally()).add(comp, real, mask, 0);
            run(h, comp, mask, real, HighResMode.DEFAULT, "same model scored at 256x256", tallies);
        }
        long pixels = (long) c.composite().width() * c.composite().height();
        for (HighResMode mode : HighResMode.values()) {
            if (mode == HighResMode.FULL_SIZE && pixels > HdnetHarmonizer.FULL_SIZE_MAX_PIXELS) {
                continue;
            }
            run(h, c.composite(), c.mask(), c.real(), mode, mode.cliName(), tallies);
        }
        if (s2 != null) {
            run(s2, c.composite(), c.mask(), c.real(), HighResMode.DEFAULT, "s2crnet (curves LUT)", tallies);
        }
        run(CLASSIC, c.composite(), c.mask(), c.real(), HighResMode.DEFAULT, "classic (Reinhard Lab)", tallies);
    }

    private static void run(Harmonizer h, ManagedMat comp, ManagedMat mask, ManagedMat real, HighResMode mode,
                            String label, Map<String, Tally> tallies) {
        HarmonizeOptions opts = new HarmonizeOptions(h.id(), 1, workingSize, 1.0, mode);
        long start = System.nanoTime();
        try (HarmonizeResult r = h.harmonize(comp, mask, opts, CancellationToken.none())) {
            double ms = (System.nanoTime() - start) / 1e6;
            tallies.computeIfAbsent(label, k -> new Tally()).add(r.image(), real, mask, ms);
        }
    }
}
