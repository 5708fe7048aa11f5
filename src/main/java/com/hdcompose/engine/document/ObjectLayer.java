package com.hdcompose.engine.document;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ManagedMat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * One pasted object (a layer): its pixels (8-bit RGB, never modified after creation), its full-resolution soft mask
 * (CV_32FC1, 0..1, edited in place by the brush), where it is placed, its name, visibility and harmonization settings.
 * The id survives snapshots, so previews computed from a snapshot find their layer again.
 */
public final class ObjectLayer {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id;
    private final ManagedMat image;
    private final ManagedMat mask;
    private Placement placement;
    private String name;
    private boolean visible;
    private HarmonizeOptions settings;

    public ObjectLayer(ManagedMat image, ManagedMat mask, Placement placement) {
        this(IDS.incrementAndGet(), image, mask, placement, "Object", true, CompositionDocument.DEFAULT_SETTINGS);
    }

    public ObjectLayer(ManagedMat image, ManagedMat mask, Placement placement, String name, boolean visible,
                       HarmonizeOptions settings) {
        this(IDS.incrementAndGet(), image, mask, placement, name, visible, settings);
    }

    private ObjectLayer(long id, ManagedMat image, ManagedMat mask, Placement placement, String name, boolean visible,
                        HarmonizeOptions settings) {
        if (image.mat().type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException("object image must be 8-bit RGB");
        }
        if (mask.mat().type() != CvType.CV_32FC1 || mask.width() != image.width() || mask.height() != image.height()) {
            throw new IllegalArgumentException("object mask must be CV_32FC1 of the object's size");
        }
        this.id = id;
        this.image = image;
        this.mask = mask;
        this.placement = placement;
        this.name = Objects.requireNonNull(name);
        this.visible = visible;
        this.settings = Objects.requireNonNull(settings);
    }

    /** A layer from a decoded file (copies its pixels): the alpha channel becomes the mask, else a full mask. */
    public static ObjectLayer fromDecoded(DecodedImage decoded, Placement placement) {
        ManagedMat mask = decoded.alpha().map(ManagedMat::copy).orElseGet(() ->
                new ManagedMat(Mat.ones(decoded.height(), decoded.width(), CvType.CV_32FC1)));
        return new ObjectLayer(decoded.rgb().copy(), mask, placement);
    }

    /** Identifies the layer across snapshots and undo. */
    public long id() {
        return id;
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

    public String name() {
        return name;
    }

    public boolean visible() {
        return visible;
    }

    public HarmonizeOptions settings() {
        return settings;
    }

    void setPlacement(Placement placement) {
        this.placement = placement;
    }

    void setName(String name) {
        this.name = Objects.requireNonNull(name);
    }

    void setVisible(boolean visible) {
        this.visible = visible;
    }

    void setSettings(HarmonizeOptions settings) {
        this.settings = Objects.requireNonNull(settings);
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

    /** A copy with the same id sharing the (immutable) pixels but owning a copy of the mask, for background work. */
    public ObjectLayer snapshot() {
        return new ObjectLayer(id, image, mask.copy(), placement, name, visible, settings);
    }

    /** The same layer seen through {@code frozenMask} (a mask copy the caller owns), for background work. */
    public ObjectLayer withMask(ManagedMat frozenMask) {
        return new ObjectLayer(id, image, frozenMask, placement, name, visible, settings);
    }

    /** A new, independent layer (new id) with copied pixels and mask: Duplicate. */
    public ObjectLayer duplicate(String newName, Placement newPlacement) {
        return new ObjectLayer(image.copy(), mask.copy(), newPlacement, newName, visible, settings);
    }
}
