package com.hdcompose.engine.imaging;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** Brings decoded pixels of any depth (8/16-bit, float) to the app's 8-bit or 0..1 float conventions. */
final class PixelConversions {
    private PixelConversions() {
    }

    /** Factor mapping the full range of {@code depth} to 0..1 (floats are taken as already 0..1). */
    static double unitScale(int depth) {
        return switch (depth) {
            case CvType.CV_8U -> 1.0 / 255;
            case CvType.CV_8S -> 1.0 / 127;
            case CvType.CV_16U -> 1.0 / 65535;
            case CvType.CV_16S -> 1.0 / 32767;
            case CvType.CV_32S -> 1.0 / Integer.MAX_VALUE;
            default -> 1.0;
        };
    }

    /** Same channels, 8-bit, rounded and saturated. */
    static ManagedMat to8Bit(Mat src) {
        Mat out = new Mat();
        if (src.depth() == CvType.CV_8U) {
            src.copyTo(out);
        } else {
            src.convertTo(out, CvType.CV_8U, 255 * unitScale(src.depth()));
        }
        return new ManagedMat(out);
    }

    /** Same channels, 32-bit float clipped to 0..1. */
    static ManagedMat toUnitFloat(Mat src) {
        Mat out = new Mat();
        src.convertTo(out, CvType.CV_32F, unitScale(src.depth()));
        Core.min(out, Scalar.all(1.0), out);
        Core.max(out, Scalar.all(0.0), out);
        return new ManagedMat(out);
    }

    /** The planes of {@code src}; the caller closes them. */
    static List<ManagedMat> split(Mat src) {
        List<Mat> planes = new ArrayList<>();
        Core.split(src, planes);
        return planes.stream().map(ManagedMat::new).toList();
    }

    static void closeAll(List<ManagedMat> mats) {
        mats.forEach(ManagedMat::close);
    }
}
