package com.hdcompose.engine.harmonize.highres;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.OpenCvLoader;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

class ColorTransferFitsTest {
    private static final int W = 64;
    private static final int H = 48;

    @BeforeAll
    static void load() {
        OpenCvLoader.load();
    }

    /** Random low-res composite, foreground = a centred box, output = {@code f}(composite, u) inside it. */
    private static LowResPair pair(Mapping f) {
        Random rnd = new Random(1);
        int n = W * H;
        float[] c = new float[3 * n];
        float[] o = new float[3 * n];
        float[] m = new float[n];
        float[] px = new float[3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                boolean fg = x >= 8 && x < 56 && y >= 8 && y < 40;
                m[i] = fg ? 1 : 0;
                for (int ch = 0; ch < 3; ch++) {
                    c[ch * n + i] = 0.1f + 0.8f * rnd.nextFloat();
                }
                f.apply(c[i], c[n + i], c[2 * n + i], (x + 0.5f) / W, px);
                for (int ch = 0; ch < 3; ch++) {
                    o[ch * n + i] = fg ? px[ch] : c[ch * n + i];
                }
            }
        }
        return new LowResPair(c, o, m, W, H);
    }

    interface Mapping {
        void apply(float r, float g, float b, float u, float[] out);
    }

    private static final Mapping AFFINE = (r, g, b, u, out) -> {
        out[0] = 0.7f * r + 0.1f * g + 0.05f;
        out[1] = 0.9f * g + 0.05f * b;
        out[2] = 0.2f * r + 0.6f * b + 0.1f;
    };

    private static final Mapping SPLIT = (r, g, b, u, out) -> {
        float gain = u < 0.5f ? 0.6f : 1.1f;
        out[0] = gain * r;
        out[1] = gain * g;
        out[2] = gain * b;
    };

    private static double maxError(ColorTransfer t, Mapping truth, boolean awayFromSplit) {
        Random rnd = new Random(7);
        float[] a = new float[3];
        float[] e = new float[3];
        double worst = 0;
        for (int i = 0; i < 2000; i++) {
            float r = 0.15f + 0.7f * rnd.nextFloat();
            float g = 0.15f + 0.7f * rnd.nextFloat();
            float b = 0.15f + 0.7f * rnd.nextFloat();
            float u = 0.2f + 0.6f * rnd.nextFloat();
            if (awayFromSplit && Math.abs(u - 0.5f) < 0.15f) {
                continue;
            }
            t.map(r, g, b, u, 0.5f, a);
            truth.apply(r, g, b, u, e);
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, Math.abs(a[c] - e[c]));
            }
        }
        return worst;
    }

    @Test
    void affineFitRecoversAGlobalColourMatrix() {
        assertThat(maxError(new AffineFit().fit(pair(AFFINE)), AFFINE, false)).isLessThan(0.01);
    }

    @Test
    void curvesRecoverPerChannelGamma() {
        Mapping gamma = (r, g, b, u, out) -> {
            out[0] = (float) Math.pow(r, 0.6);
            out[1] = (float) Math.pow(g, 1.4);
            out[2] = b * 0.8f;
        };
        assertThat(maxError(new CurvesFit().fit(pair(gamma)), gamma, false)).isLessThan(0.03);
    }

    @Test
    void affineGridFollowsASpatialChangeThatOneMatrixCannot() {
        LowResPair p = pair(SPLIT);
        double global = maxError(new AffineFit().fit(p), SPLIT, true);
        double grid = maxError(new AffineGridFit().fit(p), SPLIT, true);
        double regions = maxError(new RegionCurvesFit().fit(p), SPLIT, true);
        assertThat(global).isGreaterThan(0.1);
        assertThat(grid).isLessThan(0.08).isLessThan(global / 2);
        assertThat(regions).isLessThan(global / 2);
    }

    @Test
    void residualCorrectionAddsWhatTheFitMisses() {
        Mapping ramp = (r, g, b, u, out) -> {
            float light = 0.7f + 0.6f * u;
            out[0] = light * (0.8f * r + 0.1f);
            out[1] = light * g;
            out[2] = light * b;
        };
        LowResPair p = pair(ramp);
        double plain = maxError(new AffineFit().fit(p), ramp, false);
        double corrected = maxError(new ResidualCorrectedFit(new AffineFit(), 0).fit(p), ramp, false);
        assertThat(corrected).isLessThan(plain);
        assertThat(ColorTransferFits.forMode(HighResMode.DEFAULT)).isInstanceOf(AffineGridFit.class);
    }

    @Test
    void upsamplingAtScaleOneReproducesTheOutput() {
        LowResPair p = pair(AFFINE);
        ColorTransfer t = ColorTransferFits.forMode(HighResMode.UPSAMPLE).fit(p);
        float[] out = new float[3];
        int i = 20 * W + 30;
        t.map(0, 0, 0, (30 + 0.5f) / W, (20 + 0.5f) / H, out);
        assertThat(out[1]).isCloseTo(p.output()[W * H + i], org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void rendererKeepsBackgroundBitIdenticalAndStrengthZeroIsIdentity() {
        Mat img = new Mat(120, 160, CvType.CV_8UC3);
        Core.randu(img, 0, 256);
        Mat maskMat = new Mat(120, 160, CvType.CV_32FC1, new Scalar(0));
        maskMat.submat(new Rect(40, 30, 60, 50)).setTo(new Scalar(0.7));
        try (ManagedMat comp = new ManagedMat(img); ManagedMat mask = new ManagedMat(maskMat);
             ManagedMat out = HighResRenderer.render(comp, mask, (r, g, b, u, v, o) -> {
                 o[0] = 1;
                 o[1] = 0;
                 o[2] = 0.5f;
             }, 1.0);
             ManagedMat same = HighResRenderer.render(comp, mask, (r, g, b, u, v, o) -> o[0] = 1, 0.0);
             ManagedMat diff = ManagedMat.empty()) {
            Core.absdiff(out.mat(), comp.mat(), diff.mat());
            Mat outside = diff.mat().clone();
            outside.submat(new Rect(40, 30, 60, 50)).setTo(new Scalar(0, 0, 0));
            assertThat(Core.norm(outside, Core.NORM_INF)).isZero();
            assertThat(Core.norm(diff.mat(), Core.NORM_INF)).isGreaterThan(50);
            assertThat(Core.norm(same.mat(), comp.mat(), Core.NORM_INF)).isZero();
            double[] px = out.mat().get(50, 60);
            double[] in = comp.mat().get(50, 60);
            assertThat(px[0]).isCloseTo(in[0] + 0.7 * (255 - in[0]), org.assertj.core.data.Offset.offset(1.0));
        }
    }
}
