package com.hdcompose.engine.harmonize.highres;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A colour fit refined by what it misses: the foreground residual (output − fit) at working resolution, optionally
 * smoothed (normalised Gaussian over the foreground, to keep the network's noise out), is upsampled bilinearly and
 * added, so smooth changes the fit cannot express are kept while the fit carries detail.
 */
public final class ResidualCorrectedFit implements ColorTransferFit {
    private final ColorTransferFit base;
    private final double sigma;

    /** {@code sigma}: Gaussian smoothing of the residual in working-resolution pixels, 0 for none. */
    public ResidualCorrectedFit(ColorTransferFit base, double sigma) {
        this.base = base;
        this.sigma = sigma;
    }

    @Override
    public ColorTransfer fit(LowResPair pair) {
        ColorTransfer t = base.fit(pair);
        int n = pair.pixelCount();
        float[] c = pair.composite();
        float[] o = pair.output();
        float[] residual = new float[3 * n];
        float[] px = new float[3];
        pair.forEachForeground((i, x, y) -> {
            t.map(c[i], c[n + i], c[2 * n + i], pair.u(x), pair.v(y), px);
            for (int ch = 0; ch < 3; ch++) {
                residual[ch * n + i] = o[ch * n + i] - px[ch];
            }
        });
        float[] field = sigma > 0 ? smooth(residual, pair) : residual;
        PlanarSampler sampler = new PlanarSampler(field, pair.width(), pair.height());
        return (r, g, b, u, v, out) -> {
            t.map(r, g, b, u, v, out);
            sampler.addTo(u, v, out);
        };
    }

    /** Normalised convolution: blur(residual) / blur(foreground), so background zeros do not pull it down. */
    private float[] smooth(float[] residual, LowResPair pair) {
        int w = pair.width();
        int h = pair.height();
        int n = w * h;
        float[] weight = new float[n];
        pair.forEachForeground((i, x, y) -> weight[i] = 1f);
        float[] norm = blur(weight, 0, w, h);
        float[] out = new float[3 * n];
        for (int ch = 0; ch < 3; ch++) {
            float[] blurred = blur(residual, ch * n, w, h);
            for (int i = 0; i < n; i++) {
                out[ch * n + i] = norm[i] > 1e-3f ? blurred[i] / norm[i] : 0f;
            }
        }
        return out;
    }

    private float[] blur(float[] planes, int offset, int w, int h) {
        Mat m = new Mat(h, w, CvType.CV_32FC1);
        Mat b = new Mat();
        try {
            float[] plane = new float[w * h];
            System.arraycopy(planes, offset, plane, 0, plane.length);
            m.put(0, 0, plane);
            Imgproc.GaussianBlur(m, b, new Size(0, 0), sigma);
            b.get(0, 0, plane);
            return plane;
        } finally {
            m.release();
            b.release();
        }
    }
}
