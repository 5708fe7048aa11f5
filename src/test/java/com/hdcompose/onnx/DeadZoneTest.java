package com.hdcompose.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.imaging.ImageMetrics;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped default model (HDNet-CT) through ONNX Runtime: an object that already belongs to its photo comes back
 * exactly as it was (its dead zone), while a composite with a real cast is still corrected.
 */
class DeadZoneTest {
    private static final Path MODELS = Path.of("models");

    private static double changeInside(String comp, String mask, int k) {
        try (ModelCatalog catalog = TestModels.catalogIn(MODELS);
             ManagedMat c = TestModels.composite(comp);
             ManagedMat m = TestModels.mask(mask);
             HarmonizeResult r = catalog.get("hdnet-ct").harmonize(c, m,
                     HarmonizeOptions.defaults("hdnet-ct").withK(k), CancellationToken.none())) {
            assertThat(r.modelUsed()).isEqualTo("hdnet-ct");
            return ImageMetrics.meanAbsDifference(r.image(), c, m);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9})
    void aRealPhotoWithItsObjectMaskComesBackUnchanged(int k) {
        assertThat(changeInside("c35030-idt_real.jpg", "c35030-idt_mask.png", k)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9})
    void aStrongCastIsStillCorrected(int k) {
        assertThat(changeInside("rainnet1_comp.png", "rainnet1_mask.png", k)).isGreaterThan(20);
    }
}
