package com.hdcompose.engine.harmonize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskFileReader;
import com.hdcompose.engine.imaging.TestImages;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.CvType;

/** Every file of src/test/resources/bad gets its exact one-line message (or is converted), and nothing crashes. */
class BadInputCorpusTest {
    private static Path bad(String name) {
        return TestImages.resource("bad/" + name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.png            | empty.png: file is empty (0 bytes)
            notes.png            | notes.png: not an image (expected PNG, JPEG, TIFF, BMP or WebP)
            truncated.jpg        | truncated.jpg: file is truncated (JPEG image data incomplete)
            truncated-header.png | truncated-header.png: file is truncated (PNG header incomplete)
            corrupt.png          | corrupt.png: image data is corrupt (could not decode)
            bitflip.png          | bitflip.png: image data is corrupt (could not decode)
            huge.png             | huge.png: image is 100000x100000, over the limit of 16384 px a side
            huge-area.png        | huge-area.png: image is 12000x12000 (144.0 megapixels), over the limit of 120 megapixels
            """)
    void unreadableFilesGetTheirMessage(String file, String message) {
        assertThatThrownBy(() -> ImageFileReader.read(bad(file)))
                .isExactlyInstanceOf(HarmonizeException.class).hasMessage(message)
                .extracting(e -> ((HarmonizeException) e).kind()).isEqualTo(HarmonizeException.Kind.BAD_INPUT);
        assertThatThrownBy(() -> MaskFileReader.read(bad(file))).hasMessage(message);
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> ImageFileReader.read(bad("empty.png").resolveSibling("missing.png")))
                .hasMessage("missing.png: file not found");
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            comp64.png | mask-small.png  | mask is 32x16 but composite is 64x64
            comp64.png | mask-full.png   | mask covers the whole image: no background to match
            """)
    void unusableInputsAreRefused(String composite, String mask, String message) {
        try (DecodedImage comp = ImageFileReader.read(bad(composite)); ManagedMat m = MaskFileReader.read(bad(mask))) {
            assertThatThrownBy(() -> new ClassicHarmonizer().harmonize(comp.rgb(), m,
                    HarmonizeOptions.defaults("classic"), CancellationToken.none()))
                    .isExactlyInstanceOf(HarmonizeException.class).hasMessage(message)
                    .extracting(e -> ((HarmonizeException) e).kind()).isEqualTo(HarmonizeException.Kind.BAD_INPUT);
        }
    }

    @Test
    void emptyMaskReturnsTheCompositeWithAWarning() {
        try (DecodedImage comp = ImageFileReader.read(bad("comp64.png"));
             ManagedMat m = MaskFileReader.read(bad("mask-empty.png"));
             HarmonizeResult r = new ClassicHarmonizer().harmonize(comp.rgb(), m, HarmonizeOptions.defaults("classic"),
                     CancellationToken.none())) {
            assertThat(r.warnings()).containsExactly("mask is empty: nothing to harmonize");
            assertThat(org.opencv.core.Core.norm(r.image().mat(), comp.rgb().mat(), org.opencv.core.Core.NORM_INF))
                    .isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cmyk.jpg   | 32 | 16
            rgb16.png  | 32 | 32
            gray16.png | 32 | 32
            gray.png   | 32 | 32
            tiny.png   | 1  | 1
            """)
    void unusualButValidFilesBecomeEightBitRgb(String file, int width, int height) {
        try (DecodedImage img = ImageFileReader.read(bad(file)); ManagedMat mask = MaskFileReader.read(bad(file))) {
            assertThat(img.rgb().mat().type()).isEqualTo(CvType.CV_8UC3);
            assertThat(img.width()).isEqualTo(width);
            assertThat(img.height()).isEqualTo(height);
            assertThat(mask.mat().type()).isEqualTo(CvType.CV_32FC1);
        }
    }

    @Test
    void sixteenBitValuesAreScaledNotClipped() {
        try (DecodedImage rgb = ImageFileReader.read(bad("rgb16.png")); DecodedImage gray = ImageFileReader.read(bad("gray16.png"));
             ManagedMat mask = MaskFileReader.read(bad("gray16.png"))) {
            assertThat(TestImages.pixel(rgb.rgb(), 3, 3)).containsExactly(255, 128, 0);
            assertThat(TestImages.pixel(rgb.rgb(), 20, 3)).containsExactly(0, 128, 0);
            assertThat(TestImages.pixel(gray.rgb(), 3, 3)).containsExactly(255, 255, 255);
            assertThat(mask.mat().get(3, 3)[0]).isEqualTo(1.0);
            assertThat(mask.mat().get(3, 20)[0]).isEqualTo(0.0);
        }
    }
}
