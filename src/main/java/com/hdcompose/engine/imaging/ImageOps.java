package com.hdcompose.engine.imaging;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Pure image operations on the app's conventions (RGB CV_8UC3, masks CV_32FC1 0..1): new ManagedMat out, inputs untouched. */
public final class ImageOps {
    public static final double BINARY_THRESHOLD = 0.5;

    private ImageOps() {
    }

    /** Resized copy: area averaging when shrinking, bilinear when enlarging. */
    public static ManagedMat resize(ManagedMat src, int width, int height) {
        Mat out = new Mat();
        boolean shrinking = width < src.width() || height < src.height();
        Imgproc.resize(src.mat(), out, new Size(width, height), 0, 0, shrinking ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        return new ManagedMat(out);
    }

    /** CV_32FC1 mask of exactly 0 and 1: 1 where {@code mask} ≥ 0.5. */
    public static ManagedMat binarise(ManagedMat mask) {
        Mat out = new Mat();
        Imgproc.threshold(mask.mat(), out, BINARY_THRESHOLD - 1e-6, 1.0, Imgproc.THRESH_BINARY);
        return new ManagedMat(out);
    }

    /** CV_8UC1 0/255 selection of pixels where {@code mask} ≥ 0.5, as OpenCV's mask arguments want it. */
    public static ManagedMat foregroundSelection(ManagedMat mask) {
        Mat out = new Mat();
        Core.compare(mask.mat(), new Scalar(BINARY_THRESHOLD), out, Core.CMP_GE);
        return new ManagedMat(out);
    }

    /** CV_8UC1 0/255 selection of pixels where {@code mask} is exactly 0. */
    public static ManagedMat zeroSelection(ManagedMat mask) {
        Mat out = new Mat();
        Core.compare(mask.mat(), new Scalar(0), out, Core.CMP_LE);
        return new ManagedMat(out);
    }

    /** RGB 8-bit to CV_32FC3 in 0..1. */
    public static ManagedMat toUnitFloat(ManagedMat rgb) {
        return PixelConversions.toUnitFloat(rgb.mat());
    }

    /** CV_32FC3 in 0..1 to 8-bit, rounded and saturated. */
    public static ManagedMat toBytes(ManagedMat unitFloat) {
        Mat out = new Mat();
        unitFloat.mat().convertTo(out, CvType.CV_8U, 255.0);
        return new ManagedMat(out);
    }

    /**
     * {@code background + strength · mask · (foreground − background)}, 8-bit RGB. Pixels where mask or strength
     * is 0 are copied from {@code background} bit for bit.
     */
    public static ManagedMat blend(ManagedMat background, ManagedMat foreground, ManagedMat mask, double strength) {
        try (ManagedMat bg = toFloat255(background); ManagedMat fg = toFloat255(foreground);
             ManagedMat alpha = ManagedMat.empty(); ManagedMat alpha3 = ManagedMat.empty();
             ManagedMat keep = zeroSelection(mask)) {
            Core.multiply(mask.mat(), Scalar.all(strength), alpha.mat());
            Imgproc.cvtColor(alpha.mat(), alpha3.mat(), Imgproc.COLOR_GRAY2RGB);
            Core.subtract(fg.mat(), bg.mat(), fg.mat());
            Core.multiply(fg.mat(), alpha3.mat(), fg.mat());
            Core.add(bg.mat(), fg.mat(), bg.mat());
            Mat out = new Mat();
            bg.mat().convertTo(out, CvType.CV_8U);
            background.mat().copyTo(out, keep.mat());
            return new ManagedMat(out);
        }
    }

    private static ManagedMat toFloat255(ManagedMat rgb) {
        Mat out = new Mat();
        rgb.mat().convertTo(out, CvType.CV_32F);
        return new ManagedMat(out);
    }
}
