package com.hdcompose.cli;

import com.hdcompose.engine.error.HarmonizeException;
import java.io.PrintWriter;
import java.util.List;

/** Runs one action per image set with a progress bar; a failing set is reported on its own line and the loop goes on. */
final class ImageSetLoop {
    /** Work done on one image set; warnings it wants shown go through {@code report}. */
    @FunctionalInterface
    interface Action {
        void run(ImageSet set, ProgressBar report);
    }

    /** How the sets fared. */
    record Tally(int total, int ok, int badInput, int internal) {
        int failed() {
            return badInput + internal;
        }

        /** 0 all fine, 1 any internal failure, else 2 when some inputs were bad. */
        int exitCode() {
            return internal > 0 ? HdComposeCli.INTERNAL_ERROR : badInput > 0 ? HdComposeCli.BAD_INPUT : HdComposeCli.OK;
        }
    }

    private ImageSetLoop() {
    }

    /** Runs {@code action} on every set; failures are printed as {@code "<verb>: NAME: message"}. */
    static Tally run(List<ImageSet> sets, PrintWriter err, String failureVerb, Action action) {
        ProgressBar bar = new ProgressBar(err, sets.size());
        int ok = 0;
        int badInput = 0;
        int internal = 0;
        for (int i = 0; i < sets.size(); i++) {
            ImageSet set = sets.get(i);
            bar.show(i, set.name());
            try {
                action.run(set, bar);
                ok++;
            } catch (HarmonizeException e) {
                bar.println(failureVerb + ": " + set.name() + ": " + HdComposeCli.oneLine(e.getMessage()));
                if (e.kind() == HarmonizeException.Kind.BAD_INPUT) {
                    badInput++;
                } else {
                    internal++;
                }
            } catch (RuntimeException e) {
                bar.println(failureVerb + ": " + set.name() + ": internal error: " + HdComposeCli.oneLine(String.valueOf(e.getMessage())));
                internal++;
            }
        }
        bar.show(sets.size(), "done");
        bar.clear();
        return new Tally(sets.size(), ok, badInput, internal);
    }
}
