package com.hdcompose.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.OpenCvLoader;
import com.hdcompose.engine.task.CancellationToken;
import com.hdcompose.testsupport.FakeProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

class SelfTestTest {
    @TempDir
    Path emptyAssets;

    @BeforeAll
    static void opencv() {
        OpenCvLoader.load();
    }

    /** Adds {@code delta} to every channel where the mask is at least 0.5 (everything when {@code everywhere}). */
    private static BiFunction<ManagedMat, ManagedMat, ManagedMat> tint(int delta, boolean everywhere) {
        return (composite, mask) -> {
            int n = composite.width() * composite.height();
            byte[] px = new byte[n * 3];
            float[] m = new float[n];
            composite.mat().get(0, 0, px);
            mask.mat().get(0, 0, m);
            for (int i = 0; i < n; i++) {
                if (everywhere || m[i] >= 0.5f) {
                    for (int c = 0; c < 3; c++) {
                        px[i * 3 + c] = (byte) Math.min(255, (px[i * 3 + c] & 0xff) + delta);
                    }
                }
            }
            Mat out = new Mat(composite.height(), composite.width(), composite.mat().type());
            out.put(0, 0, px);
            return new ManagedMat(out);
        };
    }

    /** A harmonizer that applies {@code op} to (composite, mask). */
    private record OpHarmonizer(String id, BiFunction<ManagedMat, ManagedMat, ManagedMat> op) implements Harmonizer {
        @Override
        public HarmonizeResult harmonize(ManagedMat composite, ManagedMat mask, HarmonizeOptions options,
                                         CancellationToken cancel) {
            return new HarmonizeResult(op.apply(composite, mask), Optional.empty(), List.of(), id, 1, 1);
        }
    }

    private static HarmonizerProvider provider(String id, BiFunction<ManagedMat, ManagedMat, ManagedMat> op) {
        Harmonizer h = new OpHarmonizer(id, op);
        return new HarmonizerProvider() {
            @Override
            public List<String> modelIds() {
                return List.of(id);
            }

            @Override
            public Harmonizer get(String wanted) {
                return h;
            }
        };
    }

    private String[] run(HarmonizerProvider provider) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SelfTest(() -> provider, () -> SelfTestScene.load(emptyAssets))
                .execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8).trim()};
    }

    @Test
    void passesWhenOnlyTheObjectChanges() {
        String[] r = run(provider("hdnet-lite", tint(20, false)));
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).startsWith("self-test OK: hdnet-lite 256px in ").contains("generated scene 512x384");
    }

    @Test
    void checksTheNeighbourMapAndReportsModelsThatFellBack() {
        String[] r = run(new FakeProvider(0));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).startsWith("self-test OK: hdnet-ct not installed, hdnet 256px in ")
                .contains("hdnet-lite not installed, classic not installed");
    }

    @Test
    void failsWhenTheBackgroundChanges() {
        String[] r = run(provider("hdnet-lite", tint(20, true)));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).startsWith("self-test FAILED: hdnet-lite: ").contains("background values changed outside the mask");
    }

    @Test
    void failsWhenTheObjectIsUnchanged() {
        String[] r = run(provider("s2crnet", tint(0, false)));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("object unchanged");
    }

    @Test
    void failsWithOneLineWhenTheProviderCannotOpen() {
        String[] r = run(provider("hdnet", (c, m) -> {
            throw com.hdcompose.engine.error.HarmonizeException.badInput("model hdnet.onnx checksum mismatch");
        }));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).isEqualTo("self-test FAILED: model hdnet.onnx checksum mismatch");
    }

    @Test
    void demoSceneIsTheRenderedBundledScene() {
        try (SelfTestScene scene = SelfTestScene.load(Path.of("assets"))) {
            assertThat(scene.name()).isEqualTo("demo");
            assertThat(scene.mask().width()).isEqualTo(scene.composite().width());
            assertThat(org.opencv.core.Core.countNonZero(scene.mask().mat())).isPositive();
        }
    }

    @Test
    void passesWithTheRepositoryModelsOnTheDemoScene() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new SelfTest(() -> new com.hdcompose.onnx.ModelCatalog(Path.of("models"),
                new com.hdcompose.engine.harmonize.ClassicHarmonizer()), () -> SelfTestScene.load(Path.of("assets")))
                .execute(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("self-test OK: hdnet-ct 256px in ")
                .contains("hdnet-lite 256px in ").contains("classic 256px in ").contains("; scene demo ");
    }
}
