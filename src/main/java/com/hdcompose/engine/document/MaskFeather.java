package com.hdcompose.engine.document;

import com.hdcompose.engine.imaging.ManagedMat;
import org.opencv.core.Core;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Softens a layer's mask edge (Layer ▸ Feather Mask Edge): a Gaussian blur with zero outside the object, so a mask
 * that runs into the object image's border (a cut-out photo) fades there instead of showing a straight cut edge.
 * One undoable step, stored like a brush stroke.
 */
public final class MaskFeather {
    private MaskFeather() {
    }

    /** The radius used for a layer: 1.5 % of the object's long side, at least 2 px. */
    public static double radiusFor(ObjectLayer layer) {
        return Math.max(2, 0.015 * Math.max(layer.width(), layer.height()));
    }

    /** {@code mask} feathered by {@code radius} pixels, as a new mask; runs off the UI thread (large masks take a while). */
    public static ManagedMat feathered(ManagedMat mask, double radius) {
        int pad = (int) Math.ceil(radius * 3);
        try (ManagedMat padded = ManagedMat.empty()) {
            Core.copyMakeBorder(mask.mat(), padded.mat(), pad, pad, pad, pad, Core.BORDER_CONSTANT, new Scalar(0));
            Imgproc.GaussianBlur(padded.mat(), padded.mat(), new Size(0, 0), radius);
            return new ManagedMat(padded.mat().submat(pad, pad + mask.height(), pad, pad + mask.width()).clone());
        }
    }

    /** The undoable step that puts {@code feathered} (from {@link #feathered}) into {@code layer}'s mask. */
    public static MaskStrokeCommand command(ObjectLayer layer, ManagedMat feathered) {
        PixelRect all = new PixelRect(0, 0, layer.width(), layer.height());
        return new MaskStrokeCommand(layer, MaskTile.read(layer.mask().mat(), all), MaskTile.read(feathered.mat(), all),
                "Feather mask edge");
    }
}
