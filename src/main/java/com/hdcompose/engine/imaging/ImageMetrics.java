package com.hdcompose.engine.imaging;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Image-harmonization scores by the iHarmony4 protocol, on 8-bit images (0..255): MSE, PSNR (data range 255),
 * foreground MSE and SSIM (11×11 Gaussian window, σ = 1.5, averaged over channels).
 */
public final class ImageMetrics {
    /** PSNR reported for identical images, where the formula gives infinity. */
    public static final double MAX_PSNR = 100.0;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final int WINDOW = 11;
    private static final double SIGMA = 1.5;

    private ImageMetrics() {
    }

    /** All four scores of {@code result} against {@code reference}; {@code mask} (CV_32FC1) defines the foreground. */
    public static MetricScores score(ManagedMat result, ManagedMat reference, ManagedMat mask) {
        double mse = mse(result, reference);
        return new MetricScores(mse, psnr(mse), fmse(result, reference, mask), ssim(result, reference));
    }

    /** Mean squared error over all pixels and channels. */
    public static double mse(ManagedMat a, ManagedMat b) {
        double sum = Core.norm(a.mat(), b.mat(), Core.NORM_L2SQR);
        return sum / ((double) a.width() * a.height() * a.mat().channels());
    }

    public static double psnr(double mse) {
        return mse <= 0 ? MAX_PSNR : Math.min(MAX_PSNR, 10 * Math.log10(255.0 * 255.0 / mse));
    }

    /** Squared error summed over the foreground (mask ≥ 0.5) divided by 3 × foreground pixels; 0 for no foreground. */
    public static double fmse(ManagedMat a, ManagedMat b, ManagedMat mask) {
        try (ManagedMat fg = ImageOps.foregroundSelection(mask)) {
            long pixels = Core.countNonZero(fg.mat());
            if (pixels == 0) {
                return 0;
            }
            double sum = Core.norm(a.mat(), b.mat(), Core.NORM_L2SQR, fg.mat());
            return sum / (a.mat().channels() * (double) pixels);
        }
    }

    /**
     * Mean absolute difference, in levels of 0..255, over the foreground (mask ≥ 0.5) pixels and channels: how much
     * two results differ inside the object (the K comparison's "K = 1 vs K = 9"); 0 for no foreground.
     */
    public static double meanAbsDifference(ManagedMat a, ManagedMat b, ManagedMat mask) {
        try (ManagedMat fg = ImageOps.foregroundSelection(mask); ManagedMat diff = ManagedMat.empty()) {
            if (Core.countNonZero(fg.mat()) == 0) {
                return 0;
            }
            Core.absdiff(a.mat(), b.mat(), diff.mat());
            Scalar perChannel = Core.mean(diff.mat(), fg.mat());
            int channels = a.mat().channels();
            double total = 0;
            for (int c = 0; c < channels; c++) {
                total += perChannel.val[c];
            }
            return total / channels;
        }
    }

    /** Mean SSIM over channels; border pixels within half a window are left out, as in Wang et al. */
    public static double ssim(ManagedMat a, ManagedMat b) {
        try (ManagedMat fa = ManagedMat.empty(); ManagedMat fb = ManagedMat.empty()) {
            a.mat().convertTo(fa.mat(), CvType.CV_64F);
            b.mat().convertTo(fb.mat(), CvType.CV_64F);
            Scalar perChannel = ssimMap(fa.mat(), fb.mat());
            int channels = a.mat().channels();
            double total = 0;
            for (int c = 0; c < channels; c++) {
                total += perChannel.val[c];
            }
            return total / channels;
        }
    }

    private static Scalar ssimMap(Mat x, Mat y) {
        try (ManagedMat muX = blur(x); ManagedMat muY = blur(y);
             ManagedMat xx = product(x, x); ManagedMat yy = product(y, y); ManagedMat xy = product(x, y);
             ManagedMat sXX = blur(xx.mat()); ManagedMat sYY = blur(yy.mat()); ManagedMat sXY = blur(xy.mat());
             ManagedMat muXX = product(muX.mat(), muX.mat()); ManagedMat muYY = product(muY.mat(), muY.mat());
             ManagedMat muXY = product(muX.mat(), muY.mat());
             ManagedMat num = ManagedMat.empty(); ManagedMat den = ManagedMat.empty(); ManagedMat t = ManagedMat.empty()) {
            Core.subtract(sXX.mat(), muXX.mat(), sXX.mat());
            Core.subtract(sYY.mat(), muYY.mat(), sYY.mat());
            Core.subtract(sXY.mat(), muXY.mat(), sXY.mat());
            // num = (2 μxμy + C1)(2 σxy + C2)
            Core.addWeighted(muXY.mat(), 2, muXY.mat(), 0, C1, num.mat());
            Core.addWeighted(sXY.mat(), 2, sXY.mat(), 0, C2, t.mat());
            Core.multiply(num.mat(), t.mat(), num.mat());
            // den = (μx² + μy² + C1)(σx² + σy² + C2)
            Core.addWeighted(muXX.mat(), 1, muYY.mat(), 1, C1, den.mat());
            Core.addWeighted(sXX.mat(), 1, sYY.mat(), 1, C2, t.mat());
            Core.multiply(den.mat(), t.mat(), den.mat());
            Core.divide(num.mat(), den.mat(), num.mat());
            int pad = (WINDOW - 1) / 2;
            if (x.rows() <= 2 * pad || x.cols() <= 2 * pad) {
                return Core.mean(num.mat());
            }
            return Core.mean(num.mat().submat(pad, x.rows() - pad, pad, x.cols() - pad));
        }
    }

    private static ManagedMat blur(Mat src) {
        Mat out = new Mat();
        Imgproc.GaussianBlur(src, out, new Size(WINDOW, WINDOW), SIGMA, SIGMA, Core.BORDER_REFLECT);
        return new ManagedMat(out);
    }

    private static ManagedMat product(Mat a, Mat b) {
        Mat out = new Mat();
        Core.multiply(a, b, out);
        return new ManagedMat(out);
    }
}
