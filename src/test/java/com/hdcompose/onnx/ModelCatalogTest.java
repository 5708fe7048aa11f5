package com.hdcompose.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
    @TempDir
    Path dir;

    @Test
    void missingModelFallsBackToClassicWithAWarningOnEachResult() throws Exception {
        Files.delete(TestModels.modelsDir(dir).resolve("tiny-hdnet.onnx"));
        try (ModelCatalog catalog = new ModelCatalog(dir, new com.hdcompose.engine.harmonize.ClassicHarmonizer());
             ManagedMat comp = TestModels.composite("rainnet1_comp.png");
             ManagedMat mask = TestModels.mask("rainnet1_mask.png")) {
            assertThat(catalog.isInstalled("hdnet-lite")).isFalse();
            Harmonizer h = catalog.get("hdnet-lite");
            try (HarmonizeResult r = h.harmonize(comp, mask, HarmonizeOptions.defaults("hdnet-lite"),
                    CancellationToken.none())) {
                assertThat(r.modelUsed()).isEqualTo("classic");
                assertThat(r.warnings()).contains("model hdnet-lite not found in " + dir + "; using classic");
            }
        }
    }

    @Test
    void garbageBytesGiveAOneLineCorruptModelError() throws Exception {
        TestModels.modelsDir(dir);
        Files.write(dir.resolve("s2crnet.onnx"), "this is not an onnx model".getBytes());
        Files.delete(dir.resolve("models.json"));
        try (ModelCatalog catalog = TestModels.catalogIn(dir)) {
            assertThatThrownBy(() -> catalog.get("s2crnet"))
                    .isInstanceOf(HarmonizeException.class)
                    .hasMessage("model s2crnet.onnx is corrupt (not a loadable ONNX model)")
                    .satisfies(e -> assertThat(((HarmonizeException) e).kind()).isEqualTo(HarmonizeException.Kind.INTERNAL));
        }
    }

    @Test
    void checksumMismatchIsRefused() throws Exception {
        TestModels.modelsDir(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("tiny-hdnet.onnx"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(dir.resolve("tiny-hdnet.onnx"), bytes);
        try (ModelCatalog catalog = TestModels.catalogIn(dir)) {
            assertThatThrownBy(() -> catalog.get("hdnet-lite"))
                    .hasMessage("model tiny-hdnet.onnx is corrupt (checksum mismatch)");
        }
    }

    @Test
    void aFailedLoadIsRememberedNotRetried() throws Exception {
        TestModels.modelsDir(dir);
        Path model = dir.resolve("tiny-hdnet.onnx");
        byte[] good = Files.readAllBytes(model);
        byte[] bad = good.clone();
        bad[bad.length - 1] ^= 1;
        Files.write(model, bad);
        try (ModelCatalog catalog = TestModels.catalogIn(dir)) {
            Throwable first = org.assertj.core.api.Assertions.catchThrowable(() -> catalog.get("hdnet-lite"));
            assertThat(first).hasMessage("model tiny-hdnet.onnx is corrupt (checksum mismatch)");
            Files.write(model, good);
            assertThatThrownBy(() -> catalog.get("hdnet-lite")).as("the file is not read again").isSameAs(first);
        }
    }

    @Test
    void theResolverFallsBackToClassicAndReportsAFailedLoadOnce() throws Exception {
        TestModels.modelsDir(dir);
        Files.write(dir.resolve("tiny-s2crnet.onnx"), "not a model".getBytes());
        try (ModelCatalog catalog = TestModels.catalogIn(dir)) {
            var resolver = new com.hdcompose.engine.harmonize.HarmonizerResolver(catalog);
            var first = resolver.resolve("s2crnet");
            assertThat(first.harmonizer().id()).isEqualTo("classic");
            assertThat(first.newFailure()).get().extracting(Throwable::getMessage).asString()
                    .startsWith("model tiny-s2crnet.onnx is corrupt");
            var second = resolver.resolve("s2crnet");
            assertThat(second.harmonizer().id()).isEqualTo("classic");
            assertThat(second.newFailure()).isEmpty();
            assertThat(resolver.hasFailed("s2crnet")).isTrue();
            var lite = resolver.resolve("hdnet-lite");
            assertThat(lite.harmonizer()).isInstanceOf(HdnetHarmonizer.class);
            assertThat(lite.newFailure()).isEmpty();
            assertThat(resolver.hasFailed("hdnet-lite")).isFalse();
        }
    }

    @Test
    void unknownIdIsBadInputAndClassicIsAlwaysThere() {
        try (ModelCatalog catalog = TestModels.catalog(dir)) {
            assertThatThrownBy(() -> catalog.get("gan"))
                    .isInstanceOf(HarmonizeException.class)
                    .hasMessageContaining("unknown model 'gan'")
                    .satisfies(e -> assertThat(((HarmonizeException) e).kind()).isEqualTo(HarmonizeException.Kind.BAD_INPUT));
            assertThat(catalog.get("classic").id()).isEqualTo("classic");
            assertThat(catalog.modelIds()).containsExactly("hdnet-ct", "hdnet-lite", "hdnet", "s2crnet", "classic");
            assertThat(catalog.get("hdnet-lite")).isInstanceOf(HdnetHarmonizer.class).isSameAs(catalog.get("hdnet-lite"));
            assertThat(catalog.get("s2crnet")).isInstanceOf(S2crnetHarmonizer.class);
        }
    }

    @Test
    void manifestIsReadWithItsEntries() {
        ModelManifest m = ModelManifest.read(TestModels.modelsDir(dir));
        assertThat(m.find("s2crnet")).get().extracting(ModelManifest.Entry::type).isEqualTo("s2crnet");
        assertThat(ModelManifest.read(dir.resolve("nowhere")).models()).isEmpty();
    }
}
