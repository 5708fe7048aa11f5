package com.hdcompose.cli.bench;

import com.hdcompose.engine.imaging.ManagedMat;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Bench inputs at any size: a given photo and mask resized, or a deterministic photo-like synthetic composite. */
public final class BenchImages {
    private BenchImages() {
    }

    /** Smooth colour gradients plus mild sensor-like noise (RGB, CV_8UC3), so codecs and fits see realistic data. */
    public static ManagedMat syntheticComposite(int size) {
        Mat small = new Mat(8, 8, CvType.CV_8UC3);
        Core.setRNGSeed(42);
        Core.randu(small, 30, 220);
        Mat img = new Mat();
        Imgproc.resize(small, img, new Size(size, size), 0, 0, Imgproc.INTER_CUBIC);
        Mat noise = new Mat(size, size, CvType.CV_8UC3);
        Core.randu(noise, 0, 12);
        Core.add(img, noise, img);
        Imgproc.circle(img, new Point(size * 0.5, size * 0.55), size / 5, new Scalar(200, 120, 60), -1);
        noise.release();
        small.release();
        return new ManagedMat(img);
    }

    /** An ellipse covering about a fifth of the image with a 2-percent soft edge (CV_32FC1 0..1). */
    public static ManagedMat syntheticMask(int size) {
        Mat m = new Mat(size, size, CvType.CV_32FC1, new Scalar(0));
        Imgproc.ellipse(m, new Point(size * 0.5, size * 0.55), new Size(size * 0.22, size * 0.3), 0, 0, 360,
                new Scalar(1), -1);
        int k = Math.max(3, size / 50) | 1;
        Imgproc.GaussianBlur(m, m, new Size(k, k), 0);
        return new ManagedMat(m);
    }

    /** {@code src} resized to {@code size × size} (area when shrinking, bilinear when enlarging). */
    public static ManagedMat resized(ManagedMat src, int size) {
        Mat out = new Mat();
        int interp = size < src.width() ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
        Imgproc.resize(src.mat(), out, new Size(size, size), 0, 0, interp);
        return new ManagedMat(out);
    }
}
