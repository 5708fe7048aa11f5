package com.hdcompose.engine.document;

import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ManagedMat;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The pasted object: its pixels (8-bit RGB, never modified after creation), its full-resolution soft mask
 * (CV_32FC1, 0..1, edited in place by the brush) and where it is placed on the background.
 */
public final class ObjectLayer {
    private final ManagedMat image;
    private final ManagedMat mask;
    private Placement placement;

    public ObjectLayer(ManagedMat image, ManagedMat mask, Placement placement) {
        if (image.mat().type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException("object image must be 8-bit RGB");
        }
        if (mask.mat().type() != CvType.CV_32FC1 || mask.width() != image.width() || mask.height() != image.height()) {
            throw new IllegalArgumentException("object mask must be CV_32FC1 of the object's size");
        }
        this.image = image;
        this.mask = mask;
        this.placement = placement;
    }

    /** A layer from a decoded file (copies its pixels): the alpha channel becomes the mask, else a full mask. */
    public static ObjectLayer fromDecoded(DecodedImage decoded, Placement placement) {
        ManagedMat mask = decoded.alpha().map(ManagedMat::copy).orElseGet(() ->
                new ManagedMat(Mat.ones(decoded.height(), decoded.width(), CvType.CV_32FC1)));
        return new ObjectLayer(decoded.rgb().copy(), mask, placement);
    }

    public ManagedMat image() {
        return image;
    }

    /** The live mask; only document commands and brush strokes write to it. */
    public ManagedMat mask() {
        return mask;
    }

    public Placement placement() {
        return placement;
    }

    void setPlacement(Placement placement) {
        this.placement = placement;
    }

    public int width() {
        return image.width();
    }

    public int height() {
        return image.height();
    }

    public Affine2D objectToBackground() {
        return placement.objectToBackground(width(), height());
    }

    /** A copy sharing the (immutable) pixels but owning a copy of the mask, for background rendering. */
    public ObjectLayer snapshot() {
        return new ObjectLayer(image, mask.copy(), placement);
    }
}
