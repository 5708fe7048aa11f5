package com.hdcompose.engine.document;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/** A copy of one rectangle of a CV_32FC1 mask: what undo stores instead of the whole mask. */
public record MaskTile(PixelRect rect, float[] values) {
    public MaskTile {
        if (values.length != rect.area()) {
            throw new IllegalArgumentException("tile values do not match its rectangle");
        }
    }

    public static MaskTile read(Mat mask, PixelRect rect) {
        float[] v = new float[rect.area()];
        if (!rect.isEmpty()) {
            Mat sub = mask.submat(toCv(rect));
            Mat copy = sub.clone();
            copy.get(0, 0, v);
            copy.release();
            sub.release();
        }
        return new MaskTile(rect, v);
    }

    public void writeTo(Mat mask) {
        if (rect.isEmpty()) {
            return;
        }
        Mat sub = mask.submat(toCv(rect));
        int w = rect.width();
        float[] row = new float[w];
        for (int y = 0; y < rect.height(); y++) {
            System.arraycopy(values, y * w, row, 0, w);
            sub.put(y, 0, row);
        }
        sub.release();
    }

    public long bytes() {
        return values.length * 4L;
    }

    static Rect toCv(PixelRect r) {
        return new Rect(r.x(), r.y(), r.width(), r.height());
    }
}
