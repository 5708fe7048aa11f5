package com.hdcompose.engine.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class ImageHeaderReaderTest {
    /** WebP lossy (VP8), lossless (VP8L) and with alpha (VP8X), PNG, JPEG, BMP, TIFF: the declared size is read. */
    @ParameterizedTest
    @CsvSource({".webp,3,75", ".webp,3,101", ".webp,4,75", ".png,3,0", ".jpg,1,0", ".bmp,3,0", ".tiff,4,0"})
    void readsDeclaredSizeWithoutDecoding(String extension, int channels, int quality) {
        OpenCvLoader.load();
        Mat img = new Mat(37, 53, CvType.makeType(CvType.CV_8U, channels), Scalar.all(90));
        org.opencv.core.MatOfByte buf = new org.opencv.core.MatOfByte();
        MatOfInt params = quality > 0 ? new MatOfInt(Imgcodecs.IMWRITE_WEBP_QUALITY, quality) : new MatOfInt();
        Imgcodecs.imencode(extension, img, buf, params);
        ImageHeader h = RawImageDecoder.checkHeader(buf.toArray(), "x" + extension);
        assertThat(h.width()).isEqualTo(53);
        assertThat(h.height()).isEqualTo(37);
        assertThat(h.complete()).isTrue();
        assertThat(h.orientation()).isEqualTo(1);
    }
}
