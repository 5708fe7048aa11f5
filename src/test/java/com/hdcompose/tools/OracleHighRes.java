package com.hdcompose.tools;

import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.engine.harmonize.highres.ColorTransferFits;
import com.hdcompose.engine.harmonize.highres.HighResRenderer;
import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.onnx.WorkingImage;

/**
 * The high-resolution paths fed with a perfect low-resolution harmonization (the ground truth at the working size),
 * so they can be compared independently of how well the network is trained.
 */
final class OracleHighRes {
    private OracleHighRes() {
    }

    /** The composite carried to full resolution by {@code mode} from the real photo at working size. */
    static ManagedMat render(ComparisonCase c, HighResMode mode, int workingSize) {
        WorkingImage work = WorkingImage.resized(c.composite(), c.mask(), workingSize);
        float[] truth;
        try (ManagedMat real = ImageOps.resize(c.real(), work.width(), work.height())) {
            truth = WorkingImage.planar(real);
        }
        boolean sameSize = work.width() == c.composite().width() && work.height() == c.composite().height();
        var transfer = ColorTransferFits.forMode(sameSize ? HighResMode.UPSAMPLE : mode).fit(work.pair(truth));
        return HighResRenderer.render(c.composite(), c.mask(), transfer, 1.0);
    }
}
