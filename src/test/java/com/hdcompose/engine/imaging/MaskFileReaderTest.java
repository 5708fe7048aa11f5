package com.hdcompose.engine.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** Left half selected: by its alpha (shape in alpha, colour white) or, with opaque alpha, by luminance. */
    @ParameterizedTest
    @CsvSource({"255,0,0,255", "0,255,255,255"})
    void colourMaskUsesAlphaWithAShapeElseLuminance(int outsideGray, int outsideAlpha, int insideGray, int insideAlpha) {
        OpenCvLoader.load();
        Mat bgra = new Mat(8, 8, CvType.CV_8UC4, new Scalar(outsideGray, outsideGray, outsideGray, outsideAlpha));
        bgra.submat(0, 8, 0, 4).setTo(new Scalar(insideGray, insideGray, insideGray, insideAlpha));
        try (ManagedMat m = MaskFileReader.read(TestImages.encode(bgra, ".png"), "m.png")) {
            assertThat(m.mat().get(2, 1)[0]).isEqualTo(1.0);
            assertThat(m.mat().get(2, 6)[0]).isEqualTo(0.0);
        }
    }
}
