package com.hdcompose.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.OpenCvLoader;
import com.hdcompose.engine.task.CancellationToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Interleaved timing runs the models in turns with the order rotated, instead of all runs of one model at a time. */
class BenchRunnerInterleaveTest {
    private static final List<String> MODELS = List.of("a", "b", "c");

    /** Serves harmonizers that record which model ran at the benchmark's size (not the 64 px installation check). */
    private static final class RecordingProvider implements HarmonizerProvider {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<String> modelIds() {
            return MODELS;
        }

        @Override
        public Harmonizer get(String id) {
            return new Harmonizer() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public HarmonizeResult harmonize(ManagedMat composite, ManagedMat mask, HarmonizeOptions options,
                                                 CancellationToken cancel) {
                    if (composite.width() == 96) {
                        calls.add(id);
                    }
                    return new HarmonizeResult(composite.copy(), Optional.empty(), List.of(), id, 1, 1);
                }
            };
        }
    }

    private static List<String> run(boolean interleaved, StringWriter out) {
        OpenCvLoader.load();
        RecordingProvider provider = new RecordingProvider();
        new BenchRunner(provider, new BenchRunner.Settings(MODELS, List.of(96), 3, 1, HighResMode.DEFAULT, null, 64,
                interleaved), new PrintWriter(out)).run();
        return provider.calls;
    }

    @Test
    void interleavedRunsTakeTurnsWithTheOrderRotated() {
        StringWriter out = new StringWriter();
        List<String> calls = run(true, out);
        assertThat(calls).containsExactly("a", "b", "c",  // warm-ups
                "a", "b", "c", "b", "c", "a", "c", "a", "b");
        assertThat(out.toString()).contains("models interleaved").containsPattern("(?m)^a +96 ")
                .containsPattern("(?m)^b +96 ").containsPattern("(?m)^c +96 ");
    }

    @Test
    void withoutInterleavingEachModelRunsAllItsRepeatsInARow() {
        List<String> calls = run(false, new StringWriter());
        assertThat(calls).containsExactly("a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c");
    }
}
