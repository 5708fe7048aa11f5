package com.hdcompose.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * The shipped default model (HDNet-CT, since 1.3.0) corrects an object with one colour transform: inside the object
 * its result is an affine function of the composite's colours (up to 8-bit rounding), while the correction is large.
 */
class OneTransformPerObjectTest {
    private static final Path MODELS = Path.of("models");

    /** Object pixels well inside the mask (eroded by one pixel), as rows of an N x 4 [r g b 1] / N x 3 matrix. */
    private static Mat rows(ManagedMat image, Mat inside, boolean withOne) {
        Mat f = new Mat();
        image.mat().convertTo(f, CvType.CV_64FC3);
        Mat picked = new Mat(0, 1, CvType.CV_64FC3);
        for (int y = 0; y < f.rows(); y++) {
            for (int x = 0; x < f.cols(); x++) {
                if (inside.get(y, x)[0] > 0) {
                    picked.push_back(f.row(y).col(x));
                }
            }
        }
        Mat out = picked.reshape(1, picked.rows());
        if (withOne) {
            Mat ones = new Mat(out.rows(), 1, CvType.CV_64F, new Scalar(1));
            Mat joined = new Mat();
            Core.hconcat(List.of(out, ones), joined);
            return joined;
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rainnet1", "rainnet2"})
    void theObjectsResultIsOneColourTransformOfTheComposite(String name) {
        try (ModelCatalog catalog = TestModels.catalogIn(MODELS);
             ManagedMat c = TestModels.composite(name + "_comp.png");
             ManagedMat m = TestModels.mask(name + "_mask.png");
             HarmonizeResult r = catalog.get("hdnet-ct").harmonize(c, m, HarmonizeOptions.defaults("hdnet-ct"),
                     CancellationToken.none())) {
            Mat full = new Mat();
            Core.compare(m.mat(), new Scalar(0.999), full, Core.CMP_GE);
            Mat inside = new Mat();
            Imgproc.erode(full, inside, new Mat());
            Mat x = rows(c, inside, true);
            Mat y = rows(r.image(), inside, false);
            Mat a = new Mat();
            Core.solve(x, y, a, Core.DECOMP_SVD);
            Mat fitted = new Mat();
            Core.gemm(x, a, 1, new Mat(), 0, fitted);
            double residualRms = Core.norm(y, fitted, Core.NORM_L2) / Math.sqrt(y.total());
            double change = Core.norm(y, x.colRange(0, 3), Core.NORM_L1) / y.total();

            assertThat(change).as("mean change in levels").isGreaterThan(10);
            assertThat(residualRms).as("RMS distance from one affine colour map, levels").isLessThan(2.0);
        }
    }
}
