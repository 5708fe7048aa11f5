package com.hdcompose.cli;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.Harmonizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

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
        ImageSetLoop.Tally tally = ImageSetLoop.run(ImageSetScanner.scan(inputDir), err, "failed", (set, report) -> {
            Path out = outputDir.resolve(set.name() + "_out.png");
            FileHarmonization.Outcome outcome = FileHarmonization.run(harmonizer, set.composite(),
                    Optional.of(ImageSetScanner.requireMask(set)), out, options);
            outcome.warnings().forEach(w -> report.println("warning: " + set.name() + ": " + w));
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        err.println(String.format(Locale.ROOT, "harmonized %d of %d images (%d failed) in %.1f s -> %s",
                tally.ok(), tally.total(), tally.failed(), seconds, outputDir));
        err.flush();
        return tally.exitCode();
    }
}
