package com.hdcompose.engine.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

class MaskFileReaderTest {
    @Test
    void grayMaskBecomesUnitFloat() {
        try (ManagedMat m = MaskFileReader.read(TestImages.resource("triplets/rainnet1_mask.png"))) {
            assertThat(m.mat().type()).isEqualTo(CvType.CV_32FC1);
            org.opencv.core.Core.MinMaxLocResult r = org.opencv.core.Core.minMaxLoc(m.mat());
            assertThat(r.minVal).isEqualTo(0.0);
            assertThat(r.maxVal).isEqualTo(1.0);
        }
    }

    @Test
    void alphaIsUsedWhenItHasAShape() {
        OpenCvLoader.load();
        Mat bgra = new Mat(8, 8, CvType.CV_8UC4, new Scalar(255, 255, 255, 0));
        bgra.submat(0, 8, 0, 4).setTo(new Scalar(0, 0, 0, 255));
        try (ManagedMat m = MaskFileReader.read(TestImages.encode(bgra, ".png"), "m.png")) {
            assertThat(m.mat().get(2, 1)[0]).isEqualTo(1.0);
            assertThat(m.mat().get(2, 6)[0]).isEqualTo(0.0);
        }
    }

    @Test
    void opaqueColourMaskUsesLuminance() {
        OpenCvLoader.load();
        Mat bgra = new Mat(8, 8, CvType.CV_8UC4, new Scalar(0, 0, 0, 255));
        bgra.submat(0, 8, 0, 4).setTo(new Scalar(255, 255, 255, 255));
        try (ManagedMat m = MaskFileReader.read(TestImages.encode(bgra, ".png"), "m.png")) {
            assertThat(m.mat().get(2, 1)[0]).isEqualTo(1.0);
            assertThat(m.mat().get(2, 6)[0]).isEqualTo(0.0);
        }
    }
}
