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
    /**
     * How hard {@link #shrinkApart} keeps the object's edge: 1 as hard as a composite made at the small size, 0 as
     * blended as an area resize. The networks read a cast partly from that edge (harder: stronger corrections); half
     * way keeps most of the gain on strong casts of large images and makes fewer objects that already fit worse.
     */
    public static final double EDGE_HARDNESS = 0.5;

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
     * A composite shrunk with object and background apart ({@link #shrinkApart}), and its object mask at that size:
     * 1 where at least half of the pixels under a pixel are object pixels, else 0 (row-major).
     */
    public record ShrunkApart(ManagedMat rgb, float[] objectMask) implements AutoCloseable {
        @Override
        public void close() {
            rgb.close();
        }
    }

    /**
     * {@code rgb} shrunk to {@code width × height} with the object and the background averaged apart: a pixel of the
     * object mask (at least half of the pixels under it object pixels, the mask binarised at 0.5) is the mean of the
     * object's pixels under it, any other the mean of the background's, each then moved {@code 1 - EDGE_HARDNESS} of
     * the way back to the plain area average. A pixel wholly inside either region is its area average; an edge pixel
     * keeps {@link #EDGE_HARDNESS} of the step between object and background that an area resize would blend away.
     * Enlarging is a plain resize.
     */
    public static ShrunkApart shrinkApart(ManagedMat rgb, ManagedMat mask, int width, int height) {
        if (width >= rgb.width() && height >= rgb.height()) {
            try (ManagedMat bin = binarise(mask); ManagedMat small = resize(bin, width, height);
                 ManagedMat smallBin = binarise(small)) {
                float[] m = new float[width * height];
                smallBin.mat().get(0, 0, m);
                return new ShrunkApart(resize(rgb, width, height), m);
            }
        }
        // Two 8-bit images at full size (the selection, and the object's pixels with zeros elsewhere), three area
        // resizes, and the division per pixel at the small size, where the background's sum is the whole picture's
        // less the object's. A pixel wholly inside either region is exact; an edge pixel is within a level or two.
        try (ManagedMat sel = foregroundSelection(mask); ManagedMat obj = ManagedMat.empty();
             ManagedMat objSmall = ManagedMat.empty(); ManagedMat allSmall = ManagedMat.empty();
             ManagedMat shareSmall = ManagedMat.empty()) {
            Size size = new Size(width, height);
            rgb.mat().copyTo(obj.mat(), sel.mat()); // a new destination starts as zeros
            Imgproc.resize(obj.mat(), objSmall.mat(), size, 0, 0, Imgproc.INTER_AREA);
            Imgproc.resize(rgb.mat(), allSmall.mat(), size, 0, 0, Imgproc.INTER_AREA);
            Imgproc.resize(sel.mat(), shareSmall.mat(), size, 0, 0, Imgproc.INTER_AREA);
            int n = width * height;
            byte[] objPx = new byte[3 * n];
            byte[] allPx = new byte[3 * n];
            byte[] share = new byte[n];
            objSmall.mat().get(0, 0, objPx);
            allSmall.mat().get(0, 0, allPx);
            shareSmall.mat().get(0, 0, share);
            float[] objectMask = new float[n];
            byte[] out = new byte[3 * n];
            for (int i = 0; i < n; i++) {
                double s = (share[i] & 0xff) / 255.0;
                boolean object = s >= BINARY_THRESHOLD;
                objectMask[i] = object ? 1f : 0f;
                for (int c = 0; c < 3; c++) {
                    double o = objPx[3 * i + c] & 0xff;
                    double all = allPx[3 * i + c] & 0xff;
                    double apart = object ? o / s : (all - o) / Math.max(1 - s, 1e-6);
                    double v = EDGE_HARDNESS * apart + (1 - EDGE_HARDNESS) * all;
                    out[3 * i + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
            Mat result = new Mat(height, width, CvType.CV_8UC3);
            result.put(0, 0, out);
            return new ShrunkApart(new ManagedMat(result), objectMask);
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
