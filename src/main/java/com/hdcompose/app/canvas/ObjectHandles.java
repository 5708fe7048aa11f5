package com.hdcompose.app.canvas;

import com.hdcompose.app.session.ViewTransform;
import com.hdcompose.engine.document.Affine2D;
import com.hdcompose.engine.document.ObjectLayer;
import javafx.geometry.Point2D;

/** Screen positions of the object's frame, corner scale handles and rotate handle, and hit-testing against them. */
final class ObjectHandles {
    static final double HANDLE_SIZE = 9;
    static final double ROTATE_DISTANCE = 28;
    static final double HIT_RADIUS = 9;

    /** What the pointer is over. */
    enum Hit { NONE, BODY, CORNER, ROTATE }

    /** Corners in object pixel coordinates, clockwise from top-left. */
    final double[][] objectCorners;
    final Point2D[] screenCorners = new Point2D[4];
    final Point2D rotateHandle;
    final Point2D topMiddle;
    private final Affine2D objectToScreen;

    ObjectHandles(ObjectLayer layer, ViewTransform view) {
        int w = layer.width();
        int h = layer.height();
        objectCorners = new double[][] {{0, 0}, {w, 0}, {w, h}, {0, h}};
        objectToScreen = view.documentToScreen().then(layer.objectToBackground());
        for (int i = 0; i < 4; i++) {
            double[] p = objectToScreen.apply(objectCorners[i][0], objectCorners[i][1]);
            screenCorners[i] = new Point2D(p[0], p[1]);
        }
        double[] top = objectToScreen.apply(w / 2.0, 0);
        double[] centre = objectToScreen.apply(w / 2.0, h / 2.0);
        topMiddle = new Point2D(top[0], top[1]);
        Point2D dir = topMiddle.subtract(centre[0], centre[1]);
        double len = dir.magnitude();
        Point2D unit = len < 1e-6 ? new Point2D(0, -1) : dir.multiply(1 / len);
        rotateHandle = topMiddle.add(unit.multiply(ROTATE_DISTANCE));
    }

    /** Index of the corner handle near (x, y), or -1. */
    int cornerAt(double x, double y) {
        for (int i = 0; i < 4; i++) {
            if (screenCorners[i].distance(x, y) <= HIT_RADIUS) {
                return i;
            }
        }
        return -1;
    }

    Hit hit(double x, double y) {
        if (rotateHandle.distance(x, y) <= HIT_RADIUS) {
            return Hit.ROTATE;
        }
        if (cornerAt(x, y) >= 0) {
            return Hit.CORNER;
        }
        double[] local = objectToScreen.inverse().apply(x, y);
        boolean inside = local[0] >= 0 && local[1] >= 0 && local[0] <= objectCorners[2][0] && local[1] <= objectCorners[2][1];
        return inside ? Hit.BODY : Hit.NONE;
    }
}
