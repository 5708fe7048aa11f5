package com.hdcompose.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** 2048×2048 results keep the composite's fine detail; a long run can be cancelled. */
class HighResSharpnessTest {
    private static final int SIZE = 2048;

    @TempDir
    Path dir;

    /** The rainnet1 triplet enlarged to 2048² with fine noise added, so the object has real high frequencies. */
    private static ManagedMat[] largeTriplet() {
        try (ManagedMat comp = TestModels.composite("rainnet1_comp.png");
             ManagedMat mask = TestModels.mask("rainnet1_mask.png")) {
            Mat big = new Mat();
            Imgproc.resize(comp.mat(), big, new Size(SIZE, SIZE), 0, 0, Imgproc.INTER_CUBIC);
            Mat noise = new Mat(SIZE, SIZE, CvType.CV_8UC3);
            Core.randu(noise, 0, 40);
            Core.add(big, noise, big);
            Core.subtract(big, new Scalar(20, 20, 20), big);
            Mat bigMask = new Mat();
            Imgproc.resize(mask.mat(), bigMask, new Size(SIZE, SIZE), 0, 0, Imgproc.INTER_LINEAR);
            return new ManagedMat[] {new ManagedMat(big), new ManagedMat(bigMask)};
        }
    }

    /** Mean squared Laplacian over the (eroded) foreground, all channels. */
    static double highFrequencyEnergy(ManagedMat rgb, ManagedMat mask) {
        try (ManagedMat f = ManagedMat.empty(); ManagedMat lap = ManagedMat.empty();
             ManagedMat fg = ImageOps.foregroundSelection(mask); ManagedMat inner = ManagedMat.empty()) {
            rgb.mat().convertTo(f.mat(), CvType.CV_32F);
            Imgproc.Laplacian(f.mat(), lap.mat(), CvType.CV_32F);
            Imgproc.erode(fg.mat(), inner.mat(), Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(9, 9)));
            double sq = Core.norm(lap.mat(), Core.NORM_L2SQR, inner.mat());
            return sq / (3.0 * Core.countNonZero(inner.mat()));
        }
    }

    @Test
    void result2048KeepsDetailUnlikePlainUpsampling() {
        ManagedMat[] t = largeTriplet();
        try (ModelCatalog catalog = TestModels.catalog(dir); ManagedMat comp = t[0]; ManagedMat mask = t[1];
             HarmonizeResult sharp = catalog.get("hdnet-lite").harmonize(comp, mask,
                     HarmonizeOptions.defaults("hdnet-lite"), CancellationToken.none());
             HarmonizeResult blurred = catalog.get("hdnet-lite").harmonize(comp, mask,
                     HarmonizeOptions.defaults("hdnet-lite").withHighRes(HighResMode.UPSAMPLE),
                     CancellationToken.none())) {
            double original = highFrequencyEnergy(comp, mask);
            double kept = highFrequencyEnergy(sharp.image(), mask) / original;
            double upsampled = highFrequencyEnergy(blurred.image(), mask) / original;
            assertThat(kept).isBetween(0.8, 1.25);
            assertThat(upsampled).isLessThan(0.2);
            assertThat(OnnxHarmonizersTest.maxDiffOutsideMask(sharp.image(), comp, mask)).isZero();
        }
    }

    @Test
    void cancellingAbortsARunningModel() {
        ManagedMat[] t = largeTriplet();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (ModelCatalog catalog = TestModels.catalog(dir); ManagedMat comp = t[0]; ManagedMat mask = t[1]) {
            var slow = catalog.get("hdnet");
            CancellationToken token = new CancellationToken();
            timer.schedule(token::cancel, 300, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            HarmonizeException e = catchThrowableOfType(() -> slow.harmonize(comp, mask,
                    HarmonizeOptions.defaults("hdnet").withWorkingSize(SIZE), token), HarmonizeException.class);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(HarmonizeException.Kind.CANCELLED);
            assertThat(millis).isLessThan(5_000);
        } finally {
            timer.shutdownNow();
        }
    }
}
