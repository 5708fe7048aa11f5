package com.hdcompose.engine.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.testsupport.ByteMutations;
import com.hdcompose.testsupport.FuzzBudget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Fuzzes the image header checks and decoding with damaged valid files of every supported format and with random
 * bytes: each input either decodes within the size limits or fails with a one-line BAD_INPUT message naming the
 * file; no other exception escapes. Tries are bounded so that the run stays within {@link FuzzBudget}.
 */
class ImageDecodingFuzzTest {
    private static final String NAME = "fuzz.img";
    private static final List<byte[]> SEEDS = seeds();
    private final FuzzBudget budget = new FuzzBudget();

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
    void damagedImagesDecodeOrFailWithOneLine(@ForAll("damagedImages") byte[] bytes) {
        budget.count("damaged images");
        check(bytes);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void randomBytesDecodeOrFailWithOneLine(@ForAll("randomBytes") byte[] bytes) {
        budget.count("random bytes as images");
        check(bytes);
    }

    @Property(tries = 300)
    void declaredSizesOutsideTheLimitsAreRefusedBeforeDecoding(@ForAll("sides") int width, @ForAll("sides") int height) {
        budget.count("declared image sizes");
        boolean allowed = width > 0 && height > 0 && width <= ImageSizeLimit.MAX_SIDE
                && height <= ImageSizeLimit.MAX_SIDE && (long) width * height <= ImageSizeLimit.MAX_PIXELS;
        try {
            ImageSizeLimit.check(NAME, width, height);
            Statistics.label("size").collect("allowed");
            assertThat(allowed).as("%dx%d passed the limit", width, height).isTrue();
        } catch (HarmonizeException e) {
            Statistics.label("size").collect("refused");
            assertThat(allowed).as("%dx%d refused", width, height).isFalse();
            assertOneLine(e);
        }
    }

    @AfterProperty
    void report() {
        budget.report();
    }

    @Provide
    Arbitrary<byte[]> damagedImages() {
        return ByteMutations.mutated(Arbitraries.of(SEEDS));
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return ByteMutations.randomBytes(List.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, new byte[] {'I', 'I', 42, 0},
                new byte[] {'M', 'M', 0, 42}, new byte[] {'B', 'M'},
                "RIFF\u0000\u0001\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Provide
    Arbitrary<Integer> sides() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(-2, 20_000),
                Arbitraries.of(0, 1, 7_324, 7_325, 16_384, 16_385, Integer.MAX_VALUE, Integer.MIN_VALUE));
    }

    /** Both readers of untrusted images: the RGB reader (backgrounds, objects) and the mask reader. */
    private static void check(byte[] bytes) {
        String outcome = read(bytes, ImageFileReader::read, d -> {
            assertWithinLimits(d.width(), d.height());
            assertThat(d.rgb().mat().type()).isEqualTo(CvType.CV_8UC3);
            d.close();
        });
        String maskOutcome = read(bytes, MaskFileReader::read, m -> {
            assertWithinLimits(m.width(), m.height());
            assertThat(m.mat().type()).isEqualTo(CvType.CV_32FC1);
            m.close();
        });
        assertThat(maskOutcome.equals("decoded")).as("mask reader agrees on " + outcome)
                .isEqualTo(outcome.equals("decoded"));
        Statistics.label("outcome").collect(outcome);
    }

    private static <T> String read(byte[] bytes, BiFunction<byte[], String, T> reader, Consumer<T> verify) {
        T result;
        try {
            result = reader.apply(bytes, NAME);
        } catch (HarmonizeException e) {
            assertThat(e.kind()).isEqualTo(HarmonizeException.Kind.BAD_INPUT);
            assertOneLine(e);
            return ByteMutations.category(e.getMessage(), NAME);
        }
        verify.accept(result);
        return "decoded";
    }

    private static void assertWithinLimits(int width, int height) {
        assertThat(width).isBetween(1, ImageSizeLimit.MAX_SIDE);
        assertThat(height).isBetween(1, ImageSizeLimit.MAX_SIDE);
        assertThat((long) width * height).isLessThanOrEqualTo(ImageSizeLimit.MAX_PIXELS);
    }

    private static void assertOneLine(HarmonizeException e) {
        assertThat(e.getMessage()).startsWith(NAME + ": ").doesNotContain("\n", "\r").hasSizeLessThan(200);
    }

    /** Small valid files of every format and pixel layout the reader supports. */
    private static List<byte[]> seeds() {
        OpenCvLoader.load();
        List<byte[]> out = new ArrayList<>();
        for (String name : List.of("images/orientation6.jpg", "images/orientation6.png", "images/orientation6.tif",
                "images/orientation6.webp", "bad/gray16.png", "bad/rgb16.png", "bad/cmyk.jpg", "bad/mask-centre.png")) {
            out.add(TestImages.bytes(name));
        }
        Mat bgra = new Mat(6, 9, CvType.CV_8UC4, new Scalar(30, 90, 200, 128));
        for (String ext : List.of(".bmp", ".png", ".webp", ".tif")) {
            MatOfByte buf = new MatOfByte();
            Imgcodecs.imencode(ext, ext.equals(".bmp") ? bgra.colRange(0, 9) : bgra, buf, new MatOfInt());
            out.add(buf.toArray());
            buf.release();
        }
        bgra.release();
        return List.copyOf(out);
    }
}
