package com.hdcompose.engine.imaging;

import org.opencv.core.Core;

/**
 * How much of an image a mask selects, counted on the mask binarised at 0.5 — what decides whether there is
 * anything to harmonize and any background left to match.
 */
public record MaskStats(int width, int height, long foregroundPixels) {
    /** Above this share of foreground there is too little background to take colour statistics from. */
    public static final double ALMOST_FULL = 0.995;

    public static MaskStats of(ManagedMat mask) {
        try (ManagedMat selected = ImageOps.foregroundSelection(mask)) {
            return new MaskStats(mask.width(), mask.height(), Core.countNonZero(selected.mat()));
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    public long backgroundPixels() {
        return pixels() - foregroundPixels;
    }

    /** Foreground share, 0..1. */
    public double areaRatio() {
        return pixels() == 0 ? 0 : (double) foregroundPixels / pixels();
    }

    public boolean isEmpty() {
        return foregroundPixels == 0;
    }

    public boolean isAlmostFull() {
        return areaRatio() > ALMOST_FULL;
    }
}
