package com.hdcompose.onnx;

import com.hdcompose.engine.imaging.ManagedMat;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Turns S2CRNet's sampled curves ([3, L] values at x = i/(L−1)) into a 256-entry RGB lookup table for Core.LUT. */
final class CurveLut {
    private CurveLut() {
    }

    /** 256-entry values (0..1) for channel {@code c}, by linear interpolation between the L curve points. */
    static float[] resample(float[] curves, int points, int c) {
        float[] lut = new float[256];
        for (int i = 0; i < 256; i++) {
            float p = i / 255f * (points - 1);
            int j = Math.min((int) p, points - 2);
            float t = p - j;
            float a = curves[c * points + j];
            float b = curves[c * points + j + 1];
            lut[i] = Math.max(0f, Math.min(1f, a + t * (b - a)));
        }
        return lut;
    }

    /** 1×256 CV_8UC3 table (channel order R,G,B, as the images) for {@code Core.LUT}. */
    static ManagedMat table(float[] curves, int points) {
        byte[] data = new byte[256 * 3];
        for (int c = 0; c < 3; c++) {
            float[] lut = resample(curves, points, c);
            for (int i = 0; i < 256; i++) {
                data[i * 3 + c] = (byte) Math.round(lut[i] * 255f);
            }
        }
        Mat m = new Mat(1, 256, CvType.CV_8UC3);
        m.put(0, 0, data);
        return new ManagedMat(m);
    }
}
