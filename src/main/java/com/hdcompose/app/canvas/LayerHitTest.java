package com.hdcompose.app.canvas;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.ObjectLayer;
import java.util.List;
import javafx.geometry.Point2D;

/** Which layer a click on the canvas means: the topmost visible one whose mask covers the point. */
public final class LayerHitTest {
    /** Mask values above this count as the object (soft edges below it click through). */
    static final float COVERED = 0.25f;

    private LayerHitTest() {
    }

    /** The topmost visible layer under {@code point} (background pixels), or null. */
    public static ObjectLayer topmostAt(CompositionDocument doc, Point2D point) {
        List<ObjectLayer> layers = doc.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            ObjectLayer l = layers.get(i);
            if (l.visible() && covers(l, point)) {
                return l;
            }
        }
        return null;
    }

    static boolean covers(ObjectLayer layer, Point2D point) {
        double[] o = layer.objectToBackground().inverse().apply(point.getX(), point.getY());
        int x = (int) Math.floor(o[0]);
        int y = (int) Math.floor(o[1]);
        if (x < 0 || y < 0 || x >= layer.width() || y >= layer.height()) {
            return false;
        }
        float[] v = new float[1];
        layer.mask().mat().get(y, x, v);
        return v[0] > COVERED;
    }
}
