package com.hdcompose.engine.document;

import org.opencv.core.Mat;

/**
 * One press-drag-release of the mask brush on an object's full-resolution mask. Dabs are spaced along the path;
 * the stroke remembers the untouched pixels of every region it changes so that {@link #finish()} can hand undo
 * history only the changed rectangle (before and after).
 */
public final class BrushStroke {
    private final ObjectLayer layer;
    private final BrushSettings brush;
    private final Mat original;
    private PixelRect changed = PixelRect.EMPTY;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    public BrushStroke(ObjectLayer layer, BrushSettings brush) {
        this.layer = layer;
        this.brush = brush;
        this.original = layer.mask().mat().clone();
    }

    public BrushSettings brush() {
        return brush;
    }

    /** Paints from the previous point to (x, y) in object pixels; returns the region changed by this call. */
    public PixelRect lineTo(double x, double y) {
        PixelRect touched = PixelRect.EMPTY;
        if (Double.isNaN(lastX)) {
            touched = MaskPainter.dab(layer.mask().mat(), x, y, brush);
        } else {
            double dist = Math.hypot(x - lastX, y - lastY);
            double spacing = Math.max(0.5, brush.radius() * 0.25);
            int steps = Math.max(1, (int) Math.ceil(dist / spacing));
            for (int i = 1; i <= steps; i++) {
                double t = (double) i / steps;
                touched = touched.union(MaskPainter.dab(layer.mask().mat(),
                        lastX + t * (x - lastX), lastY + t * (y - lastY), brush));
            }
        }
        lastX = x;
        lastY = y;
        changed = changed.union(touched);
        return touched;
    }

    public PixelRect changedRegion() {
        return changed;
    }

    /** Ends the stroke; returns the undo command (already applied), or null if nothing changed. */
    public MaskStrokeCommand finish() {
        try {
            if (changed.isEmpty()) {
                return null;
            }
            MaskTile before = MaskTile.read(original, changed);
            MaskTile after = MaskTile.read(layer.mask().mat(), changed);
            return new MaskStrokeCommand(layer, before, after, brush.erase() ? "Erase mask" : "Paint mask");
        } finally {
            original.release();
        }
    }

    /** Abandons the stroke and restores the mask as it was before it began. */
    public PixelRect cancel() {
        PixelRect region = changed;
        if (!changed.isEmpty()) {
            MaskTile.read(original, changed).writeTo(layer.mask().mat());
        }
        original.release();
        return region;
    }
}
