package com.hdcompose.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.engine.harmonize.KnnMap;
import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/** HDNet and S2CRNet runners on a real triplet, through the tiny contract models. */
class OnnxHarmonizersTest {
    @TempDir
    Path dir;

    /** Largest absolute difference between {@code a} and {@code b} where {@code mask} is exactly 0. */
    static double maxDiffOutsideMask(ManagedMat a, ManagedMat b, ManagedMat mask) {
        try (ManagedMat diff = ManagedMat.empty(); ManagedMat outside = ImageOps.zeroSelection(mask)) {
            Core.absdiff(a.mat(), b.mat(), diff.mat());
            return Core.norm(diff.mat(), Core.NORM_INF, outside.mat());
        }
    }

    @Test
    void hdnetKeepsTheBackgroundBitIdenticalAndRecolorsTheObject() {
        try (ModelCatalog catalog = TestModels.catalog(dir);
             ManagedMat comp = TestModels.composite("c35030-gct_comp.jpg");
             ManagedMat mask = TestModels.mask("c35030-gct_mask.png")) {
            for (HighResMode mode : HighResMode.values()) {
                try (HarmonizeResult r = catalog.get("hdnet-lite").harmonize(comp, mask,
                        HarmonizeOptions.defaults("hdnet-lite").withHighRes(mode), CancellationToken.none())) {
                    assertThat(r.image().width()).isEqualTo(comp.width());
                    assertThat(r.image().height()).isEqualTo(comp.height());
                    assertThat(maxDiffOutsideMask(r.image(), comp, mask)).as(mode.name()).isZero();
                    assertThat(Core.norm(r.image().mat(), comp.mat(), Core.NORM_INF)).as(mode.name()).isGreaterThan(10);
                    assertThat(r.modelUsed()).isEqualTo("hdnet-lite");
                }
            }
        }
    }

    @Test
    void knnIndicesOfForegroundCellsPointToBackgroundCells() {
        try (ModelCatalog catalog = TestModels.catalog(dir);
             ManagedMat comp = TestModels.composite("rainnet1_comp.png");
             ManagedMat mask = TestModels.mask("rainnet1_mask.png");
             HarmonizeResult r = catalog.get("hdnet-lite").harmonize(comp, mask,
                     HarmonizeOptions.defaults("hdnet-lite").withK(5), CancellationToken.none())) {
            KnnMap knn = r.knn().orElseThrow();
            assertThat(knn.gridWidth()).isEqualTo(32);
            assertThat(knn.k()).isEqualTo(5);
            int foreground = 0;
            for (int cell = 0; cell < knn.cellCount(); cell++) {
                if (!knn.isForeground(cell)) {
                    continue;
                }
                foreground++;
                float sum = 0;
                for (int j = 0; j < knn.k(); j++) {
                    assertThat(knn.isForeground(knn.neighbour(cell, j))).isFalse();
                    sum += knn.weight(cell, j);
                }
                assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
            }
            assertThat(foreground).isPositive();
        }
    }

    @Test
    void s2crnetKeepsTheBackgroundBitIdenticalAndAppliesItsCurves() {
        try (ModelCatalog catalog = TestModels.catalog(dir);
             ManagedMat comp = TestModels.composite("rainnet1_comp.png");
             ManagedMat mask = TestModels.mask("rainnet1_mask.png");
             HarmonizeResult r = catalog.get("s2crnet").harmonize(comp, mask, HarmonizeOptions.defaults("s2crnet"),
                     CancellationToken.none())) {
            assertThat(maxDiffOutsideMask(r.image(), comp, mask)).isZero();
            assertThat(Core.norm(r.image().mat(), comp.mat(), Core.NORM_INF)).isGreaterThan(10);
            assertThat(r.knn()).isEmpty();
        }
    }

    @Test
    void strengthZeroReturnsTheComposite() {
        try (ModelCatalog catalog = TestModels.catalog(dir);
             ManagedMat comp = TestModels.composite("rainnet1_comp.png");
             ManagedMat mask = TestModels.mask("rainnet1_mask.png")) {
            for (String id : new String[] {"hdnet-lite", "s2crnet"}) {
                try (HarmonizeResult r = catalog.get(id).harmonize(comp, mask,
                        HarmonizeOptions.defaults(id).withStrength(0), CancellationToken.none())) {
                    assertThat(Core.norm(r.image().mat(), comp.mat(), Core.NORM_INF)).as(id).isZero();
                }
            }
        }
    }

    @Test
    void fullSizeModeRefusesImagesOverItsLimitWithOneLine() {
        try (ModelCatalog catalog = TestModels.catalog(dir);
             ManagedMat comp = new ManagedMat(Mat.zeros(1100, 1100, org.opencv.core.CvType.CV_8UC3));
             ManagedMat mask = new ManagedMat(Mat.zeros(1100, 1100, org.opencv.core.CvType.CV_32FC1))) {
            mask.mat().submat(100, 300, 100, 300).setTo(new org.opencv.core.Scalar(1));
            var options = HarmonizeOptions.defaults("hdnet-lite").withHighRes(HighResMode.FULL_SIZE);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog.get("hdnet-lite").harmonize(comp, mask,
                            options, CancellationToken.none()))
                    .hasMessage("full-size mode is limited to 1.0 megapixels; this image has 1.2");
        }
    }

    @Test
    void curveLutInterpolatesBetweenCurvePoints() {
        float[] curves = {0, 1, 0, 0.5f, 1, 1};
        float[] lut = CurveLut.resample(curves, 2, 1);
        assertThat(lut[0]).isZero();
        assertThat(lut[255]).isEqualTo(0.5f);
        assertThat(lut[51]).isCloseTo(0.1f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(CurveLut.resample(curves, 2, 2)[128]).isEqualTo(1f);
    }

    @Test
    void emptyMaskReturnsCompositeWithWarning() {
        try (ModelCatalog catalog = TestModels.catalog(dir);
             ManagedMat comp = TestModels.composite("rainnet1_comp.png");
             ManagedMat mask = new ManagedMat(Mat.zeros(comp.height(), comp.width(), org.opencv.core.CvType.CV_32FC1));
             HarmonizeResult r = catalog.get("hdnet-lite").harmonize(comp, mask,
                     HarmonizeOptions.defaults("hdnet-lite"), CancellationToken.none())) {
            assertThat(r.warnings()).isNotEmpty();
            assertThat(Core.norm(r.image().mat(), comp.mat(), Core.NORM_INF)).isZero();
        }
    }
}
