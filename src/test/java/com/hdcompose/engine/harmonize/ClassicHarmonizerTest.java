package com.hdcompose.engine.harmonize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ImageMetrics;
import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskFileReader;
import com.hdcompose.engine.imaging.TestImages;
import com.hdcompose.engine.task.CancellationToken;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;

/** The classic harmonizer on the real iHarmony4/RainNet triplets copied into the test resources. */
class ClassicHarmonizerTest {
    private static final List<String> TRIPLETS = List.of("rainnet1", "rainnet2", "rainnet3", "c35030-gct",
            "c35030-gctrgb", "c35030-hgm", "c35030-idt");
    private final ClassicHarmonizer classic = new ClassicHarmonizer();

    private record Triplet(DecodedImage comp, ManagedMat mask, DecodedImage real) implements AutoCloseable {
        static Triplet load(String name) {
            String ext = name.startsWith("rainnet") ? ".png" : ".jpg";
            return new Triplet(ImageFileReader.read(TestImages.resource("triplets/" + name + "_comp" + ext)),
                    MaskFileReader.read(TestImages.resource("triplets/" + name + "_mask.png")),
                    ImageFileReader.read(TestImages.resource("triplets/" + name + "_real" + ext)));
        }

        @Override
        public void close() {
            comp.close();
            mask.close();
            real.close();
        }
    }

    private HarmonizeResult run(Triplet t, double strength) {
        return classic.harmonize(t.comp().rgb(), t.mask(), HarmonizeOptions.defaults("classic").withStrength(strength),
                CancellationToken.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rainnet1", "rainnet2", "rainnet3", "c35030-gct", "c35030-gctrgb", "c35030-hgm", "c35030-idt"})
    void keepsTheBackgroundBitIdenticalAndTheFullSize(String name) {
        try (Triplet t = Triplet.load(name); HarmonizeResult r = run(t, 1.0);
             ManagedMat outside = ImageOps.zeroSelection(t.mask())) {
            assertThat(r.image().width()).isEqualTo(t.comp().width());
            assertThat(r.image().height()).isEqualTo(t.comp().height());
            assertThat(r.modelUsed()).isEqualTo("classic");
            assertThat(r.warnings()).isEmpty();
            assertThat(Core.norm(r.image().mat(), t.comp().rgb().mat(), Core.NORM_INF, outside.mat())).isZero();
            assertThat(Core.norm(r.image().mat(), t.comp().rgb().mat(), Core.NORM_INF)).isPositive();
        }
    }

    @Test
    void bringsTheForegroundCloserToTheRealPhotoOnAverage() {
        double composite = 0;
        double harmonized = 0;
        for (String name : TRIPLETS) {
            try (Triplet t = Triplet.load(name); HarmonizeResult r = run(t, 1.0)) {
                composite += ImageMetrics.fmse(t.comp().rgb(), t.real().rgb(), t.mask()) / TRIPLETS.size();
                harmonized += ImageMetrics.fmse(r.image(), t.real().rgb(), t.mask()) / TRIPLETS.size();
            }
        }
        assertThat(harmonized).isLessThan(composite * 0.6);
    }

    @Test
    void strengthInterpolatesBetweenCompositeAndFullTransfer() {
        try (Triplet t = Triplet.load("rainnet1"); HarmonizeResult none = run(t, 0); HarmonizeResult half = run(t, 0.5);
             HarmonizeResult full = run(t, 1)) {
            assertThat(Core.norm(none.image().mat(), t.comp().rgb().mat(), Core.NORM_INF)).isZero();
            double halfway = ImageMetrics.mse(half.image(), t.comp().rgb());
            double whole = ImageMetrics.mse(full.image(), t.comp().rgb());
            assertThat(halfway).isBetween(whole * 0.15, whole * 0.35);
        }
    }

    @Test
    void stopsWhenCancelled() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        try (Triplet t = Triplet.load("rainnet1")) {
            assertThatThrownBy(() -> classic.harmonize(t.comp().rgb(), t.mask(), HarmonizeOptions.defaults("classic"), token))
                    .isInstanceOfSatisfying(HarmonizeException.class,
                            e -> assertThat(e.kind()).isEqualTo(HarmonizeException.Kind.CANCELLED));
        }
    }

    @Test
    void providerServesClassicAndFallsBackWithANotice() {
        try (ClassicOnlyProvider provider = new ClassicOnlyProvider(); Triplet t = Triplet.load("rainnet3")) {
            assertThat(provider.modelIds()).containsExactly("hdnet-ct", "hdnet-lite", "hdnet", "s2crnet", "classic");
            assertThat(provider.get("classic")).isInstanceOf(ClassicHarmonizer.class);
            Harmonizer fallback = provider.get("hdnet");
            assertThat(fallback.id()).isEqualTo("classic");
            try (HarmonizeResult r = fallback.harmonize(t.comp().rgb(), t.mask(), HarmonizeOptions.defaults("hdnet"),
                    CancellationToken.none())) {
                assertThat(r.warnings()).containsExactly("model hdnet is not installed: using classic instead");
            }
            assertThatThrownBy(() -> provider.get("gan")).isInstanceOf(HarmonizeException.class)
                    .hasMessage("unknown model 'gan' (choose from hdnet-ct, hdnet-lite, hdnet, s2crnet, classic)");
        }
    }
}
