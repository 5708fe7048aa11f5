package com.hdcompose.engine.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class ImageFileReaderTest {
    /** Stored BGR: left half pure red, right half pure blue, so channel order and layout both show. */
    private static Mat redBlueBgr(int type, double full) {
        OpenCvLoader.load();
        Mat m = new Mat(10, 20, type, new Scalar(0, 0, full, full));
        m.submat(0, 10, 10, 20).setTo(new Scalar(full, 0, 0, full));
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {".png", ".jpg", ".tiff", ".bmp", ".webp"})
    void readsEveryFormatAsRgb(String extension) {
        byte[] file = TestImages.encode(redBlueBgr(CvType.CV_8UC3, 255), extension);
        try (DecodedImage img = ImageFileReader.read(file, "x" + extension)) {
            assertThat(img.rgb().mat().type()).isEqualTo(CvType.CV_8UC3);
            assertThat(img.width()).isEqualTo(20);
            assertThat(img.height()).isEqualTo(10);
            assertThat(TestImages.pixel(img.rgb(), 2, 5)).satisfies(p -> assertThat(p[0]).isGreaterThan(200)
                    .isGreaterThan(p[2] + 150));
            assertThat(TestImages.pixel(img.rgb(), 17, 5)).satisfies(p -> assertThat(p[2]).isGreaterThan(200)
                    .isGreaterThan(p[0] + 150));
            assertThat(img.alpha()).isEmpty();
        }
    }

    @Test
    void alphaBecomesAnOptionalMask() {
        Mat bgra = redBlueBgr(CvType.CV_8UC4, 255);
        bgra.submat(0, 10, 0, 5).setTo(new Scalar(0, 0, 255, 0));
        try (DecodedImage img = ImageFileReader.read(TestImages.encode(bgra, ".png"), "a.png")) {
            assertThat(img.rgb().mat().type()).isEqualTo(CvType.CV_8UC3);
            assertThat(TestImages.pixel(img.rgb(), 7, 5)).containsExactly(255, 0, 0);
            ManagedMat alpha = img.alpha().orElseThrow();
            assertThat(alpha.mat().type()).isEqualTo(CvType.CV_32FC1);
            assertThat(alpha.mat().get(5, 2)[0]).isEqualTo(0.0);
            assertThat(alpha.mat().get(5, 7)[0]).isEqualTo(1.0);
        }
    }

    @Test
    void sixteenBitBecomesEightBit() {
        byte[] file = TestImages.encode(redBlueBgr(CvType.CV_16UC3, 65535), ".png");
        try (DecodedImage img = ImageFileReader.read(file, "deep.png")) {
            assertThat(img.rgb().mat().type()).isEqualTo(CvType.CV_8UC3);
            assertThat(TestImages.pixel(img.rgb(), 2, 5)).containsExactly(255, 0, 0);
            assertThat(TestImages.pixel(img.rgb(), 17, 5)).containsExactly(0, 0, 255);
        }
    }

    @Test
    void grayscaleBecomesThreeEqualChannels() {
        OpenCvLoader.load();
        Mat gray = new Mat(8, 8, CvType.CV_8UC1, new Scalar(77));
        try (DecodedImage img = ImageFileReader.read(TestImages.encode(gray, ".png"), "g.png")) {
            assertThat(TestImages.pixel(img.rgb(), 3, 3)).containsExactly(77, 77, 77);
        }
    }

    @Test
    void cmykJpegBecomesRgb() {
        try (DecodedImage img = ImageFileReader.read(TestImages.resource("bad/cmyk.jpg"))) {
            assertThat(img.rgb().mat().type()).isEqualTo(CvType.CV_8UC3);
            int[] cyan = TestImages.pixel(img.rgb(), 4, 8);
            int[] magenta = TestImages.pixel(img.rgb(), 28, 8);
            assertThat(cyan[0]).isLessThan(cyan[1]).isLessThan(cyan[2] + 1);
            assertThat(magenta[1]).isLessThan(magenta[0]).isLessThan(magenta[2] + 60);
        }
    }

    /** Stored 40x20, red left and blue right, tagged "rotate 90° clockwise": upright it is 20x40, red on top. */
    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "webp", "tif"})
    void exifOrientationIsApplied(String extension) {
        try (DecodedImage img = ImageFileReader.read(TestImages.resource("images/orientation6." + extension))) {
            assertThat(img.width()).isEqualTo(20);
            assertThat(img.height()).isEqualTo(40);
            assertThat(TestImages.pixel(img.rgb(), 10, 5)[0]).isGreaterThan(200);
            assertThat(TestImages.pixel(img.rgb(), 10, 35)[2]).isGreaterThan(200);
        }
    }

    @Test
    void readsTheRealTriplets() {
        try (DecodedImage jpeg = ImageFileReader.read(TestImages.resource("triplets/c35030-gct_comp.jpg"));
             DecodedImage rgba = ImageFileReader.read(TestImages.resource("triplets/rainnet2_comp.png"))) {
            assertThat(jpeg.width()).isEqualTo(375);
            assertThat(jpeg.height()).isEqualTo(500);
            assertThat(rgba.rgb().mat().type()).isEqualTo(CvType.CV_8UC3);
            assertThat(rgba.alpha()).isPresent();
        }
    }
}
