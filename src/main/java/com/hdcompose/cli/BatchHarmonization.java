package com.hdcompose.cli;

import com.hdcompose.engine.harmonize.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.Harmonizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Harmonizes every composite of a folder with a progress bar; a bad file is reported and skipped, the rest still run. */
final class BatchHarmonization {
    private final Harmonizer harmonizer;
    private final HarmonizeOptions options;
    private final PrintWriter err;

    BatchHarmonization(Harmonizer harmonizer, HarmonizeOptions options, PrintWriter err) {
        this.harmonizer = harmonizer;
        this.options = options;
        this.err = err;
    }

    /** Returns the exit code: 0 all written, 2 some inputs were bad, 1 something failed internally. */
    int run(Path inputDir, Path outputDir) {
        long start = System.nanoTime();
        List<ImageSet> sets = ImageSetScanner.scan(inputDir);
        ProgressBar bar = new ProgressBar(err, sets.size());
        int ok = 0;
        int badInput = 0;
        int internal = 0;
        for (int i = 0; i < sets.size(); i++) {
            ImageSet set = sets.get(i);
            bar.show(i, set.name());
            try {
                Path out = outputDir.resolve(set.name() + "_out.png");
                FileHarmonization.Outcome outcome = FileHarmonization.run(harmonizer, set.composite(),
                        java.util.Optional.of(ImageSetScanner.requireMask(set)), out, options);
                outcome.warnings().forEach(w -> bar.println("warning: " + set.name() + ": " + w));
                ok++;
            } catch (HarmonizeException e) {
                bar.println("failed: " + set.name() + ": " + HdComposeCli.oneLine(e.getMessage()));
                if (e.kind() == HarmonizeException.Kind.BAD_INPUT) {
                    badInput++;
                } else {
                    internal++;
                }
            } catch (RuntimeException e) {
                bar.println("failed: " + set.name() + ": internal error: " + HdComposeCli.oneLine(String.valueOf(e.getMessage())));
                internal++;
            }
        }
        bar.show(sets.size(), "done");
        bar.clear();
        double seconds = (System.nanoTime() - start) / 1e9;
        err.println(String.format(Locale.ROOT, "harmonized %d of %d images (%d failed) in %.1f s -> %s",
                ok, sets.size(), badInput + internal, seconds, outputDir));
        err.flush();
        return internal > 0 ? HdComposeCli.INTERNAL_ERROR : badInput > 0 ? HdComposeCli.BAD_INPUT : HdComposeCli.OK;
    }
}
