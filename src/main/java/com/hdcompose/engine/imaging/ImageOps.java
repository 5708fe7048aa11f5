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

    /**
     * {@code rgb} shrunk to {@code width × height} with the object and the background averaged apart: a pixel that the
     * shrunk, binarised mask counts as object is the mean of the object's pixels under it, any other the mean of the
     * background's. An area resize blends the two along the object's edge; this keeps the edge as hard as in a
     * composite made at the small size, which is what the networks were trained on. Enlarging is a plain resize.
     */
    public static ManagedMat resizeApart(ManagedMat rgb, ManagedMat mask, int width, int height) {
        if (width >= rgb.width() && height >= rgb.height()) {
            return resize(rgb, width, height);
        }
        Size size = new Size(width, height);
        try (ManagedMat obj = binarise(mask); ManagedMat pixels = ManagedMat.empty(); ManagedMat obj3 = ManagedMat.empty();
             ManagedMat objSum = ManagedMat.empty(); ManagedMat bgSum = ManagedMat.empty();
             ManagedMat share = ManagedMat.empty(); ManagedMat share3 = ManagedMat.empty();
             ManagedMat rest3 = ManagedMat.empty(); ManagedMat selected = ManagedMat.empty()) {
            rgb.mat().convertTo(pixels.mat(), CvType.CV_32FC3);
            Core.merge(java.util.List.of(obj.mat(), obj.mat(), obj.mat()), obj3.mat());
            Mat objPixels = new Mat();
            Core.multiply(pixels.mat(), obj3.mat(), objPixels);
            Mat bgPixels = new Mat();
            Core.subtract(pixels.mat(), objPixels, bgPixels);
            Imgproc.resize(objPixels, objSum.mat(), size, 0, 0, Imgproc.INTER_AREA);
            Imgproc.resize(bgPixels, bgSum.mat(), size, 0, 0, Imgproc.INTER_AREA);
            objPixels.release();
            bgPixels.release();
            Imgproc.resize(obj.mat(), share.mat(), size, 0, 0, Imgproc.INTER_AREA);
            Core.merge(java.util.List.of(share.mat(), share.mat(), share.mat()), share3.mat());
            share3.mat().convertTo(rest3.mat(), -1, -1.0, 1.0); // 1 - share
            Core.max(share3.mat(), new Scalar(1e-6, 1e-6, 1e-6), share3.mat());
            Core.max(rest3.mat(), new Scalar(1e-6, 1e-6, 1e-6), rest3.mat());
            Core.divide(objSum.mat(), share3.mat(), objSum.mat());
            Core.divide(bgSum.mat(), rest3.mat(), bgSum.mat());
            Core.compare(share.mat(), new Scalar(BINARY_THRESHOLD), selected.mat(), Core.CMP_GE);
            objSum.mat().copyTo(bgSum.mat(), selected.mat());
            Mat out = new Mat();
            bgSum.mat().convertTo(out, CvType.CV_8UC3);
            return new ManagedMat(out);
        }
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
