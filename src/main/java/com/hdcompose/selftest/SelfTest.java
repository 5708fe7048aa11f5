package com.hdcompose.selftest;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.engine.imaging.OpenCvLoader;
import com.hdcompose.engine.task.CancellationToken;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code --self-test}: without a window, loads every model the provider offers, harmonizes the bundled demo scene with
 * each, checks the results and prints one line ({@code self-test OK: ...} on stdout, exit 0; or
 * {@code self-test FAILED: reason} on stderr, exit 1). Installers and CI run it against the packaged application.
 */
public final class SelfTest {
    public static final String FLAG = "--self-test";
    private static final String CLASSIC = "classic";

    private final Supplier<HarmonizerProvider> providers;
    private final Supplier<SelfTestScene> scenes;

    public SelfTest(Supplier<HarmonizerProvider> providers, Supplier<SelfTestScene> scenes) {
        this.providers = providers;
        this.scenes = scenes;
    }

    /** The packaged application's self-test: default provider, bundled demo scene. Returns the exit code. */
    public static int run(PrintStream out, PrintStream err) {
        return new SelfTest(DefaultProvider::create, () -> SelfTestScene.load(SelfTestScene.assetsDir())).execute(out, err);
    }

    public int execute(PrintStream out, PrintStream err) {
        try {
            String summary = runAll();
            out.println("self-test OK: " + summary);
            return 0;
        } catch (SelfTestFailure e) {
            err.println("self-test FAILED: " + e.getMessage());
        } catch (HarmonizeException e) {
            err.println("self-test FAILED: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            err.println("self-test FAILED: " + root.getClass().getSimpleName() + ": " + root.getMessage());
        }
        return 1;
    }

    private String runAll() {
        long t0 = System.nanoTime();
        OpenCvLoader.load();
        List<String> parts = new ArrayList<>();
        int neuralRuns = 0;
        try (HarmonizerProvider provider = providers.get(); SelfTestScene scene = scenes.get()) {
            List<String> ids = provider.modelIds();
            if (ids.isEmpty()) {
                throw new SelfTestFailure("no models offered");
            }
            for (String id : ids) {
                String part = runOne(provider, id, scene);
                if (!id.equals(CLASSIC) && !part.contains("not installed")) {
                    neuralRuns++;
                }
                parts.add(part);
            }
            if (neuralRuns == 0 && !ids.equals(List.of(CLASSIC))) {
                throw new SelfTestFailure("no neural model is installed (" + String.join(", ", parts) + ")");
            }
            return String.join(", ", parts) + "; scene " + scene.name() + " " + scene.composite().width() + "x"
                    + scene.composite().height() + "; total " + ms(t0) + " ms";
        }
    }

    private String runOne(HarmonizerProvider provider, String id, SelfTestScene scene) {
        long t0 = System.nanoTime();
        Harmonizer harmonizer = provider.get(id);
        long loadMs = ms(t0);
        if (!harmonizer.id().equals(id)) {
            return id + " not installed";
        }
        HarmonizeOptions options = HarmonizeOptions.defaults(id);
        long t1 = System.nanoTime();
        try (HarmonizeResult result = harmonizer.harmonize(scene.composite(), scene.mask(), options, CancellationToken.none())) {
            long runMs = ms(t1);
            Optional<String> broken = ResultCheck.verify(scene.composite(), scene.mask(), result);
            if (broken.isPresent()) {
                throw new SelfTestFailure(id + ": " + broken.get());
            }
            return id + " " + options.workingSize() + "px in " + runMs + " ms (load " + loadMs + " ms)";
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A broken expectation, reported as the one-line reason. */
    static final class SelfTestFailure extends RuntimeException {
        SelfTestFailure(String message) {
            super(message);
        }
    }
}
