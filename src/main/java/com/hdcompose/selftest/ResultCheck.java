package com.hdcompose.selftest;

import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.KnnMap;
import com.hdcompose.engine.imaging.ManagedMat;
import java.util.Optional;
import org.opencv.core.CvType;

/**
 * Checks one harmonization result against the contract: full size, 8-bit RGB, background bit-identical where the mask
 * is 0, the object changed, not saturated, and finite neighbour weights. Returns the first broken rule as one line.
 */
public final class ResultCheck {
    /** Mean absolute change (grey levels) the object must show at least. */
    static final double MIN_OBJECT_CHANGE = 0.5;

    private ResultCheck() {
    }

    public static Optional<String> verify(ManagedMat composite, ManagedMat mask, HarmonizeResult result) {
        ManagedMat out = result.image();
        if (out == null || out.isClosed()) {
            return Optional.of("no result image");
        }
        if (out.width() != composite.width() || out.height() != composite.height()) {
            return Optional.of("result is " + out.width() + "x" + out.height() + ", composite is "
                    + composite.width() + "x" + composite.height());
        }
        if (out.mat().type() != CvType.CV_8UC3) {
            return Optional.of("result is not 8-bit RGB (type " + CvType.typeToString(out.mat().type()) + ")");
        }
        int n = composite.width() * composite.height();
        byte[] a = new byte[n * 3];
        byte[] b = new byte[n * 3];
        float[] m = new float[n];
        composite.mat().get(0, 0, a);
        out.mat().get(0, 0, b);
        mask.mat().get(0, 0, m);
        long changedOutside = 0;
        long inside = 0, saturated = 0;
        double change = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                int va = a[i * 3 + c] & 0xff, vb = b[i * 3 + c] & 0xff;
                if (m[i] == 0f && va != vb) {
                    changedOutside++;
                } else if (m[i] >= 0.5f) {
                    inside++;
                    change += Math.abs(va - vb);
                    saturated += (vb == 0 || vb == 255) ? 1 : 0;
                }
            }
        }
        if (changedOutside > 0) {
            return Optional.of(changedOutside + " background values changed outside the mask");
        }
        if (inside == 0) {
            return Optional.of("empty mask");
        }
        if (change / inside < MIN_OBJECT_CHANGE) {
            return Optional.of(String.format(java.util.Locale.ROOT, "object unchanged (mean change %.2f levels)", change / inside));
        }
        if (saturated > 0.98 * inside) {
            return Optional.of("object saturated to black/white");
        }
        return result.knn().flatMap(ResultCheck::verifyKnn);
    }

    private static Optional<String> verifyKnn(KnnMap knn) {
        for (int cell = 0; cell < knn.cellCount(); cell++) {
            if (!knn.isForeground(cell)) {
                continue;
            }
            for (int j = 0; j < knn.k(); j++) {
                float w = knn.weight(cell, j);
                int idx = knn.neighbour(cell, j);
                if (!Float.isFinite(w) || w < -1e-4f || w > 1.0001f) {
                    return Optional.of("neighbour weight " + w + " at cell " + cell + " is not a finite weight in 0..1");
                }
                if (idx < 0 || idx >= knn.cellCount()) {
                    return Optional.of("neighbour index " + idx + " at cell " + cell + " is outside the grid");
                }
            }
        }
        return Optional.empty();
    }
}
