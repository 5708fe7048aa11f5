package com.hdcompose.engine.harmonize.highres;

import com.hdcompose.engine.harmonize.HighResMode;

/** The fit behind each {@link HighResMode}. */
public final class ColorTransferFits {
    private ColorTransferFits() {
    }

    /**
     * The fit for {@code mode}. {@link HighResMode#FULL_SIZE} and any mode at scale 1 need no colour model: the
     * network output is sampled directly.
     */
    public static ColorTransferFit forMode(HighResMode mode) {
        return switch (mode) {
            case CURVES -> new CurvesFit();
            case AFFINE -> new AffineFit();
            case AFFINE_GRID -> new AffineGridFit();
            case REGION_CURVES -> new RegionCurvesFit();
            case REGION_CURVES_RESIDUAL -> new ResidualCorrectedFit(new RegionCurvesFit(), 0);
            case AFFINE_GRID_RESIDUAL -> new ResidualCorrectedFit(new AffineGridFit(), 0);
            case UPSAMPLE_CHANGE -> new UpsampleFit(true);
            case UPSAMPLE, FULL_SIZE -> new UpsampleFit(false);
        };
    }
}
