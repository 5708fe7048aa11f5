package com.hdcompose.cli.bench;

import com.hdcompose.engine.imaging.ManagedMat;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** The reference cost of issue 6's target: decoding plus encoding the same image as PNG with OpenCV, in memory. */
public final class CodecTiming {
    private CodecTiming() {
    }

    /** Median/p90 of one PNG decode + one PNG encode (OpenCV defaults) of {@code rgb}. */
    public static LatencyStats pngDecodeEncode(ManagedMat rgb, int repeats) {
        Mat bgr = new Mat();
        Imgproc.cvtColor(rgb.mat(), bgr, Imgproc.COLOR_RGB2BGR);
        MatOfByte png = new MatOfByte();
        Imgcodecs.imencode(".png", bgr, png);
        bgr.release();
        LatencyStats stats = LatencyStats.time(repeats, () -> {
            Mat decoded = Imgcodecs.imdecode(png, Imgcodecs.IMREAD_COLOR);
            MatOfByte again = new MatOfByte();
            Imgcodecs.imencode(".png", decoded, again);
            decoded.release();
            again.release();
        });
        png.release();
        return stats;
    }
}
