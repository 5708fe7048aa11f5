package com.hdcompose.onnx;

import com.hdcompose.engine.harmonize.highres.ColorTransfer;

/** Turns S2CRNet's sampled curves ([3, L] values at x = i/(L−1)) into 256-entry lookup tables per channel. */
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

    /** A colour transfer applying the curves as three 256-entry lookup tables (inputs are 8-bit values). */
    static ColorTransfer transfer(float[] curves, int points) {
        float[] r = resample(curves, points, 0);
        float[] g = resample(curves, points, 1);
        float[] b = resample(curves, points, 2);
        return (red, green, blue, u, v, out) -> {
            out[0] = r[Math.round(red * 255f)];
            out[1] = g[Math.round(green * 255f)];
            out[2] = b[Math.round(blue * 255f)];
        };
    }
}
