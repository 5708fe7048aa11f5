package com.hdcompose.engine.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ImageMetricsTest {
    @Test
    void identicalImagesScorePerfectly() {
        try (ManagedMat a = TestImages.solid(32, 32, 10, 20, 30); ManagedMat m = TestImages.mask(32, 32, TestImages.rect(0, 0, 8, 8))) {
            MetricScores s = ImageMetrics.score(a, a, m);
            assertThat(s).isEqualTo(new MetricScores(0, ImageMetrics.MAX_PSNR, 0, 1.0));
        }
    }

    @Test
    void constantOffsetGivesKnownMsePsnrAndFmse() {
        try (ManagedMat a = TestImages.solid(20, 10, 100, 100, 100); ManagedMat b = TestImages.solid(20, 10, 100, 100, 100);
             ManagedMat m = TestImages.mask(20, 10, TestImages.rect(0, 0, 5, 10))) {
            b.mat().submat(0, 10, 0, 5).setTo(new org.opencv.core.Scalar(110, 110, 110));
            assertThat(ImageMetrics.mse(a, b)).isCloseTo(100.0 / 4, within(1e-9));
            assertThat(ImageMetrics.psnr(25)).isCloseTo(10 * Math.log10(65025 / 25.0), within(1e-9));
            assertThat(ImageMetrics.fmse(a, b, m)).isCloseTo(100.0, within(1e-9));
        }
    }

    @Test
    void meanAbsDifferenceCountsOnlyTheObjectAndAveragesChannels() {
        try (ManagedMat a = TestImages.solid(20, 10, 100, 100, 100); ManagedMat b = TestImages.solid(20, 10, 100, 100, 100);
             ManagedMat m = TestImages.mask(20, 10, TestImages.rect(0, 0, 5, 10))) {
            b.mat().submat(0, 10, 0, 5).setTo(new org.opencv.core.Scalar(112, 94, 100));
            b.mat().submat(0, 10, 10, 20).setTo(new org.opencv.core.Scalar(0, 0, 0));
            assertThat(ImageMetrics.meanAbsDifference(a, b, m)).as("(12 + 6 + 0) / 3 inside, outside ignored")
                    .isCloseTo(6.0, within(1e-9));
            assertThat(ImageMetrics.meanAbsDifference(b, a, m)).isCloseTo(6.0, within(1e-9));
            assertThat(ImageMetrics.meanAbsDifference(a, a, m)).isZero();
        }
        try (ManagedMat a = TestImages.solid(8, 8, 0, 0, 0); ManagedMat b = TestImages.solid(8, 8, 255, 255, 255);
             ManagedMat none = TestImages.mask(8, 8, null)) {
            assertThat(ImageMetrics.meanAbsDifference(a, b, none)).as("no foreground").isZero();
        }
    }

    /** Reference values computed with NumPy (Gaussian 11×11, σ 1.5, reflect padding, 5-pixel border cropped). */
    @Test
    void matchesAnIndependentNumpyComputationOnARealTriplet() {
        try (DecodedImage comp = ImageFileReader.read(TestImages.resource("triplets/rainnet1_comp.png"));
             DecodedImage real = ImageFileReader.read(TestImages.resource("triplets/rainnet1_real.png"));
             ManagedMat mask = MaskFileReader.read(TestImages.resource("triplets/rainnet1_mask.png"))) {
            MetricScores s = ImageMetrics.score(comp.rgb(), real.rgb(), mask);
            assertThat(s.mse()).isCloseTo(2664.6722564697266, within(1e-6));
            assertThat(s.psnr()).isCloseTo(13.874365606234276, within(1e-9));
            assertThat(s.fmse()).isCloseTo(5520.388221533793, within(1e-6));
            assertThat(s.ssim()).isCloseTo(0.8225760781091305, within(1e-6));
        }
    }
}
