package com.hdcompose.engine.harmonize;

import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.imgproc.Imgproc;

/** Per-channel mean and standard deviation of CIE Lab colour over one region: what Reinhard transfer matches. */
public record LabStatistics(double[] mean, double[] std) {
    /** Statistics are taken on a copy no larger than this long side; they barely change with resolution. */
    static final int STATS_MAX_SIDE = 1024;

    /** Foreground and background statistics of one composite. */
    public record Regions(LabStatistics foreground, LabStatistics background) {
    }

    /** Statistics of the pixels where {@code mask} (binarised at 0.5) is foreground and of the rest. */
    public static Regions of(ManagedMat rgb, ManagedMat mask) {
        double scale = Math.min(1.0, (double) STATS_MAX_SIDE / Math.max(rgb.width(), rgb.height()));
        int w = Math.max(1, (int) Math.round(rgb.width() * scale));
        int h = Math.max(1, (int) Math.round(rgb.height() * scale));
        try (ManagedMat small = scale < 1 ? ImageOps.resize(rgb, w, h) : rgb.copy();
             ManagedMat smallMask = scale < 1 ? ImageOps.resize(mask, w, h) : mask.copy();
             ManagedMat lab = toLab(small);
             ManagedMat fg = ImageOps.foregroundSelection(smallMask);
             ManagedMat bg = ManagedMat.empty()) {
            Core.bitwise_not(fg.mat(), bg.mat());
            return new Regions(measure(lab.mat(), fg.mat()), measure(lab.mat(), bg.mat()));
        }
    }

    /** Float Lab (L 0..100, a and b about −128..127) of an 8-bit RGB image. */
    public static ManagedMat toLab(ManagedMat rgb) {
        try (ManagedMat unit = ImageOps.toUnitFloat(rgb)) {
            Mat lab = new Mat();
            Imgproc.cvtColor(unit.mat(), lab, Imgproc.COLOR_RGB2Lab);
            return new ManagedMat(lab);
        }
    }

    private static LabStatistics measure(Mat lab, Mat selection) {
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble std = new MatOfDouble();
        try (ManagedMat m = new ManagedMat(mean); ManagedMat s = new ManagedMat(std)) {
            Core.meanStdDev(lab, mean, std, selection);
            return new LabStatistics(mean.toArray(), std.toArray());
        }
    }
}
