package com.hdcompose.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.KnnMap;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.OpenCvLoader;
import com.hdcompose.engine.task.CancellationToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped models in models/ reproduce the exporter's PyTorch outputs (models/parity/ID/) through Java. */
class ParityTest {
    private static final Path MODELS = Path.of("models");
    private static final double TOLERANCE = 1e-4;

    static float[] readF32(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    /** The fixture's input as the runner sees it, and its meta.json. */
    private record Fixture(WorkingImage input, JsonNode meta) {
        static Fixture read(Path dir) throws IOException {
            JsonNode meta = new ObjectMapper().readTree(dir.resolve("meta.json").toFile());
            int h = meta.get("height").asInt();
            int w = meta.get("width").asInt();
            return new Fixture(new WorkingImage(readF32(dir.resolve("composite.f32")), readF32(dir.resolve("mask.f32")),
                    w, h, w, h), meta);
        }
    }

    private static ModelCatalog catalog() {
        OpenCvLoader.load();
        return new ModelCatalog(MODELS, new ClassicHarmonizer());
    }

    /** A missing fixture or model is a failure, not a skip: parity is what proves the shipped files are right. */
    private static Path required(Path path) {
        assertThat(path).as("%s is missing (the exporter writes it; see CONTRIBUTING.md)", path).exists();
        return path;
    }

    @Test
    void hdnetModelsMatchPyTorchForK1AndK5() throws IOException {
        int checked = 0;
        for (String id : new String[] {"hdnet-ct", "hdnet", "hdnet-lite"}) {
            Path dir = required(MODELS.resolve("parity").resolve(id));
            Fixture f = Fixture.read(dir);
            WorkingImage in = f.input();
            try (ModelCatalog catalog = catalog()) {
                HdnetHarmonizer model = (HdnetHarmonizer) catalog.get(id);
                for (JsonNode k : f.meta().get("ks")) {
                    float[] expected = readF32(dir.resolve("harmonized_k" + k.asInt() + ".f32"));
                    float[] actual = model.infer(in, k.asInt(), CancellationToken.none()).harmonized();
                    assertThat(maxAbsDiff(actual, expected)).as(id + " k=" + k).isLessThanOrEqualTo(TOLERANCE);
                    checked++;
                }
            }
        }
        assertThat(checked).as("K values checked").isPositive();
    }

    @Test
    void s2crnetMatchesPyTorch() throws IOException {
        Path dir = required(MODELS.resolve("parity/s2crnet"));
        WorkingImage in = Fixture.read(dir).input();
        try (ModelCatalog catalog = catalog()) {
            S2crnetHarmonizer model = (S2crnetHarmonizer) catalog.get("s2crnet");
            float[] actual = model.curves(in, CancellationToken.none());
            assertThat(maxAbsDiff(actual, readF32(dir.resolve("curves.f32")))).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void shippedHdnetKnnPointsToBackgroundAndKeepsBackground() {
        required(MODELS.resolve("hdnet-lite.onnx"));
        try (ModelCatalog catalog = catalog();
             ManagedMat comp = TestModels.composite("rainnet1_comp.png");
             ManagedMat mask = TestModels.mask("rainnet1_mask.png");
             HarmonizeResult r = catalog.get("hdnet-lite").harmonize(comp, mask,
                     HarmonizeOptions.defaults("hdnet-lite").withK(5), CancellationToken.none())) {
            assertThat(r.warnings()).isEmpty();
            KnnMap knn = r.knn().orElseThrow();
            int fg = 0;
            for (int cell = 0; cell < knn.cellCount(); cell++) {
                if (knn.isForeground(cell)) {
                    fg++;
                    for (int j = 0; j < knn.k(); j++) {
                        assertThat(knn.isForeground(knn.neighbour(cell, j))).isFalse();
                    }
                }
            }
            assertThat(fg).isPositive();
            assertThat(OnnxHarmonizersTest.maxDiffOutsideMask(r.image(), comp, mask)).isZero();
        }
    }

    @Test
    void shippedS2crnetKeepsBackground() {
        required(MODELS.resolve("s2crnet.onnx"));
        try (ModelCatalog catalog = catalog();
             ManagedMat comp = TestModels.composite("c35030-hgm_comp.jpg");
             ManagedMat mask = TestModels.mask("c35030-hgm_mask.png");
             HarmonizeResult r = catalog.get("s2crnet").harmonize(comp, mask, HarmonizeOptions.defaults("s2crnet"),
                     CancellationToken.none())) {
            assertThat(r.modelUsed()).isEqualTo("s2crnet");
            assertThat(r.image().width()).isEqualTo(comp.width());
            assertThat(OnnxHarmonizersTest.maxDiffOutsideMask(r.image(), comp, mask)).isZero();
        }
    }
}
