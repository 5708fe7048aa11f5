package com.hdcompose.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.OpenCvLoader;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** Images below the networks' multiple of 8: padded for the network and cropped back; the classic method at 1x1. */
class SmallImagesTest {
    @TempDir
    Path dir;

    /** A {@code w×h} blue background with a red object over the left {@code fgCols} columns. */
    private static ManagedMat[] scene(int w, int h, int fgCols) {
        OpenCvLoader.load();
        Mat comp = new Mat(h, w, CvType.CV_8UC3, new Scalar(30, 60, 200));
        Mat mask = Mat.zeros(h, w, CvType.CV_32FC1);
        if (fgCols > 0) {
            comp.submat(0, h, 0, fgCols).setTo(new Scalar(230, 40, 20));
            mask.submat(0, h, 0, fgCols).setTo(new Scalar(1));
        }
        return new ManagedMat[] {new ManagedMat(comp), new ManagedMat(mask)};
    }

    private static void assertHarmonized(Harmonizer h, HarmonizeOptions options, int w, int fgCols) {
        ManagedMat[] s = scene(w, 7, fgCols);
        try (ManagedMat comp = s[0]; ManagedMat mask = s[1];
             HarmonizeResult r = h.harmonize(comp, mask, options, CancellationToken.none())) {
            assertThat(r.image().width()).as(h.id()).isEqualTo(w);
            assertThat(r.image().height()).as(h.id()).isEqualTo(7);
            assertThat(OnnxHarmonizersTest.maxDiffOutsideMask(r.image(), comp, mask)).as(h.id()).isZero();
            assertThat(Core.norm(r.image().mat(), comp.mat(), Core.NORM_INF)).as(h.id() + " recolours the object")
                    .isPositive();
            assertThat(r.warnings()).as(h.id()).isEmpty();
        }
    }

    @Test
    void paddingToMultiplesOfEightIsCroppedBack() {
        ManagedMat[] s = scene(9, 7, 8);
        try (ManagedMat comp = s[0]; ManagedMat mask = s[1]) {
            WorkingImage work = HdnetHarmonizer.prepare(comp, mask, HarmonizeOptions.defaults("hdnet-lite"));
            assertThat(new int[] {work.width(), work.height(), work.cropWidth(), work.cropHeight()})
                    .containsExactly(16, 8, 9, 7);
            float[] padded = work.mask();
            assertThat(padded[7 * 16]).as("padding is background").isZero();
            assertThat(padded[0]).isEqualTo(1f);
            assertThat(work.pair(work.composite()).width()).isEqualTo(9);
        }
    }

    @Test
    void networksHarmonizeANineBySevenImage() {
        try (ModelCatalog catalog = TestModels.catalog(dir)) {
            assertHarmonized(catalog.get("hdnet-lite"), HarmonizeOptions.defaults("hdnet-lite"), 9, 8);
            assertHarmonized(catalog.get("hdnet-lite"),
                    HarmonizeOptions.defaults("hdnet-lite").withHighRes(HighResMode.FULL_SIZE), 9, 8);
            assertHarmonized(catalog.get("s2crnet"), HarmonizeOptions.defaults("s2crnet"), 9, 8);
        }
    }

    @Test
    void classicHarmonizesDownToOnePixelWide() {
        ClassicHarmonizer classic = new ClassicHarmonizer();
        assertHarmonized(classic, HarmonizeOptions.defaults("classic"), 9, 8);
        assertHarmonized(classic, HarmonizeOptions.defaults("classic"), 2, 1);
    }

    @Test
    void aOneByOneImageIsAcceptedByEveryMethod() {
        try (ModelCatalog catalog = TestModels.catalog(dir)) {
            for (Harmonizer h : new Harmonizer[] {new ClassicHarmonizer(), catalog.get("hdnet-lite"),
                catalog.get("s2crnet")}) {
                ManagedMat[] s = scene(1, 1, 0);
                try (ManagedMat comp = s[0]; ManagedMat mask = s[1];
                     HarmonizeResult r = h.harmonize(comp, mask, HarmonizeOptions.defaults(h.id()),
                             CancellationToken.none())) {
                    assertThat(r.image().width()).isEqualTo(1);
                    assertThat(r.warnings()).containsExactly("mask is empty: nothing to harmonize");
                    assertThat(Core.norm(r.image().mat(), comp.mat(), Core.NORM_INF)).isZero();
                }
            }
            ManagedMat[] s = scene(1, 1, 0);
            try (ManagedMat comp = s[0]; ManagedMat mask = s[1]) {
                WorkingImage work = WorkingImage.padded(comp, mask);
                assertThat(new int[] {work.width(), work.height()}).containsExactly(8, 8);
            }
        }
    }
}
