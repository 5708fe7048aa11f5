package com.hdcompose.engine.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;

class ImageOpsTest {
    @Test
    void blendKeepsBackgroundBitIdenticalAndMixesSoftEdges() {
        try (ManagedMat bg = TestImages.solid(10, 10, 10, 20, 30); ManagedMat fg = TestImages.solid(10, 10, 110, 220, 230);
             ManagedMat mask = TestImages.mask(10, 10, TestImages.rect(0, 0, 4, 10))) {
            mask.mat().put(0, 5, 0.5);
            try (ManagedMat out = ImageOps.blend(bg, fg, mask, 1.0); ManagedMat half = ImageOps.blend(bg, fg, mask, 0.5)) {
                assertThat(TestImages.pixel(out, 1, 1)).containsExactly(110, 220, 230);
                assertThat(TestImages.pixel(out, 5, 0)).containsExactly(60, 120, 130);
                assertThat(TestImages.pixel(out, 8, 8)).containsExactly(10, 20, 30);
                assertThat(TestImages.pixel(half, 1, 1)).containsExactly(60, 120, 130);
                try (ManagedMat outside = ImageOps.zeroSelection(mask); ManagedMat diff = ManagedMat.empty()) {
                    Core.absdiff(out.mat(), bg.mat(), diff.mat());
                    assertThat(Core.norm(diff.mat(), Core.NORM_INF, outside.mat())).isZero();
                }
            }
        }
    }

    @Test
    void binariseAndStatisticsUseTheHalfThreshold() {
        try (ManagedMat mask = TestImages.mask(10, 10, TestImages.rect(0, 0, 2, 10))) {
            mask.mat().put(0, 5, 0.5);
            mask.mat().put(0, 6, 0.49);
            try (ManagedMat bin = ImageOps.binarise(mask)) {
                assertThat(bin.mat().type()).isEqualTo(CvType.CV_32FC1);
                assertThat(bin.mat().get(0, 5)[0]).isEqualTo(1.0);
                assertThat(bin.mat().get(0, 6)[0]).isEqualTo(0.0);
            }
            MaskStats stats = MaskStats.of(mask);
            assertThat(stats.foregroundPixels()).isEqualTo(21);
            assertThat(stats.areaRatio()).isEqualTo(0.21);
            assertThat(stats.isEmpty()).isFalse();
            assertThat(stats.isAlmostFull()).isFalse();
        }
    }

    @Test
    void resizeGivesTheRequestedSizeAndType() {
        try (ManagedMat img = TestImages.solid(40, 20, 1, 2, 3); ManagedMat small = ImageOps.resize(img, 10, 5);
             ManagedMat big = ImageOps.resize(img, 80, 80)) {
            assertThat(small.width()).isEqualTo(10);
            assertThat(small.height()).isEqualTo(5);
            assertThat(big.mat().type()).isEqualTo(CvType.CV_8UC3);
            assertThat(TestImages.pixel(big, 79, 79)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void shrinkApartKeepsHalfTheObjectsEdgeWhereAnAreaResizeBlendsIt() {
        // a red object on a blue background whose edge (x = 18) falls inside a pixel of the 4x smaller picture
        try (ManagedMat img = TestImages.solid(40, 40, 0, 0, 200); ManagedMat mask = TestImages.mask(40, 40,
                TestImages.rect(0, 0, 18, 40))) {
            img.mat().submat(0, 40, 0, 18).setTo(new org.opencv.core.Scalar(220, 30, 10));
            try (ManagedMat plain = ImageOps.resize(img, 10, 10); ImageOps.ShrunkApart shrunk = ImageOps.shrinkApart(img, mask, 10, 10)) {
                ManagedMat apart = shrunk.rgb();
                assertThat(shrunk.objectMask()[5 * 10 + 4]).isEqualTo(1f);
                assertThat(shrunk.objectMask()[5 * 10 + 5]).isEqualTo(0f);
                assertThat(TestImages.pixel(plain, 4, 5)).containsExactly(110, 15, 105); // half object, half background
                // counted as object: half way from the blend (110, 15, 105) to the object's colour (220, 30, 10)
                assertThat(ImageOps.EDGE_HARDNESS).isEqualTo(0.5);
                assertThat(TestImages.pixel(apart, 4, 5)).satisfies(p -> {
                    assertThat(p[0]).isBetween(164, 166);
                    assertThat(p[1]).isBetween(22, 24);
                    assertThat(p[2]).isBetween(57, 59);
                });
                assertThat(TestImages.pixel(apart, 5, 5)).containsExactly(0, 0, 200); // background: no object under it
                assertThat(TestImages.pixel(apart, 2, 5)).containsExactly(220, 30, 10); // wholly object: exact
                assertThat(TestImages.pixel(apart, 0, 0)).containsExactly(TestImages.pixel(plain, 0, 0));
                assertThat(apart.mat().type()).isEqualTo(CvType.CV_8UC3);
            }
            try (ImageOps.ShrunkApart big = ImageOps.shrinkApart(img, mask, 80, 80)) {  // enlarging: a plain resize
                assertThat(big.rgb().width()).isEqualTo(80);
                assertThat(TestImages.pixel(big.rgb(), 0, 0)).containsExactly(220, 30, 10);
            }
        }
    }
}
