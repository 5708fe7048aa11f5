package com.hdcompose.engine.harmonize;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskStats;
import java.util.List;
import java.util.Optional;
import org.opencv.core.CvType;

/**
 * The input checks every harmonizer makes before any work, so the classic and the ONNX harmonizers refuse the same
 * inputs with the same one-line messages.
 */
public final class InputValidator {
    public static final String EMPTY_MASK_WARNING = "mask is empty: nothing to harmonize";
    public static final String FULL_MASK_MESSAGE = "mask covers the whole image: no background to match";

    private InputValidator() {
    }

    /**
     * Checks types and sizes and returns the mask's statistics. Throws BAD_INPUT for a size mismatch or a mask covering
     * (almost) everything; any size from 1x1 is accepted (networks pad), an empty mask is allowed — see {@link #unchanged}.
     */
    public static MaskStats validate(ManagedMat composite, ManagedMat mask) {
        requireType(composite, CvType.CV_8UC3, "composite", "8-bit RGB");
        requireType(mask, CvType.CV_32FC1, "mask", "float 0..1");
        int w = composite.width();
        int h = composite.height();
        if (mask.width() != w || mask.height() != h) {
            throw HarmonizeException.badInput("mask is " + mask.width() + "x" + mask.height()
                    + " but composite is " + w + "x" + h);
        }
        if (w < 1 || h < 1) {
            throw HarmonizeException.badInput("composite is empty (" + w + "x" + h + ")");
        }
        MaskStats stats = MaskStats.of(mask);
        if (stats.isAlmostFull()) {
            throw HarmonizeException.badInput(FULL_MASK_MESSAGE);
        }
        return stats;
    }

    /** The result for an empty mask: a copy of the composite and the empty-mask warning. */
    public static HarmonizeResult unchanged(ManagedMat composite, String modelId, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        return new HarmonizeResult(composite.copy(), Optional.empty(), List.of(EMPTY_MASK_WARNING), modelId, 0, millis);
    }

    private static void requireType(ManagedMat m, int type, String what, String expected) {
        if (m == null || m.isClosed()) {
            throw HarmonizeException.internal(what + " is missing or already released", null);
        }
        if (m.mat().type() != type) {
            throw HarmonizeException.internal(what + " must be " + expected + " (" + CvType.typeToString(type)
                    + "), got " + CvType.typeToString(m.mat().type()), null);
        }
    }
}
