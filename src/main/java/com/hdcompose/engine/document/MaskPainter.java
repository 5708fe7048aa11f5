package com.hdcompose.engine.document;

import org.opencv.core.Mat;

/** Stamps one brush dab into a CV_32FC1 mask (max for painting, min for erasing, so overlapping dabs never stack). */
public final class MaskPainter {
    private MaskPainter() {
    }

    /** Stamps a dab centred at (cx, cy); returns the rectangle that was rewritten (clipped to the mask). */
    public static PixelRect dab(Mat mask, double cx, double cy, BrushSettings brush) {
        double r = brush.radius();
        PixelRect rect = PixelRect.enclosing(cx - r, cy - r, cx + r + 1, cy + r + 1).clip(mask.cols(), mask.rows());
        if (rect.isEmpty()) {
            return PixelRect.EMPTY;
        }
        MaskTile tile = MaskTile.read(mask, rect);
        float[] v = tile.values();
        int w = rect.width();
        for (int y = 0; y < rect.height(); y++) {
            double dy = rect.y() + y + 0.5 - cy;
            for (int x = 0; x < w; x++) {
                double dx = rect.x() + x + 0.5 - cx;
                double cover = brush.coverage(Math.sqrt(dx * dx + dy * dy));
                if (cover <= 0) {
                    continue;
                }
                int i = y * w + x;
                v[i] = brush.erase() ? (float) Math.min(v[i], 1 - cover) : (float) Math.max(v[i], cover);
            }
        }
        tile.writeTo(mask);
        return rect;
    }
}
