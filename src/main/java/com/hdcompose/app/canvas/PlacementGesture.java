package com.hdcompose.app.canvas;

import com.hdcompose.engine.document.Affine2D;
import com.hdcompose.engine.document.Placement;
import javafx.geometry.Point2D;

/** Turns a pointer drag (document coordinates) into a new placement: move, corner scale or rotation. */
final class PlacementGesture {
    /** Which kind of drag. */
    enum Kind { MOVE, SCALE, ROTATE }

    private final Kind kind;
    private final Placement start;
    private final Point2D press;
    private final int objWidth;
    private final int objHeight;
    private final int corner;

    PlacementGesture(Kind kind, Placement start, Point2D press, int objWidth, int objHeight, int corner) {
        this.kind = kind;
        this.start = start;
        this.press = press;
        this.objWidth = objWidth;
        this.objHeight = objHeight;
        this.corner = corner;
    }

    Kind kind() {
        return kind;
    }

    Placement start() {
        return start;
    }

    /** The placement for the pointer at {@code p}; {@code constrained} is Shift (keep aspect / snap angle). */
    Placement update(Point2D p, boolean constrained) {
        return switch (kind) {
            case MOVE -> start.movedBy(p.getX() - press.getX(), p.getY() - press.getY());
            case ROTATE -> rotate(p, constrained);
            case SCALE -> scale(p, constrained);
        };
    }

    private Placement rotate(Point2D p, boolean snap) {
        double a0 = Math.atan2(press.getY() - start.y(), press.getX() - start.x());
        double a1 = Math.atan2(p.getY() - start.y(), p.getX() - start.x());
        double deg = start.rotation() + Math.toDegrees(a1 - a0);
        if (snap) {
            deg = Math.round(deg / 15) * 15.0;
        }
        return start.withRotation(deg);
    }

    /** Scales with the opposite corner pinned; Shift keeps the aspect ratio. */
    private Placement scale(Point2D p, boolean keepAspect) {
        double[][] corners = {{0, 0}, {objWidth, 0}, {objWidth, objHeight}, {0, objHeight}};
        double[] c = corners[corner];
        double[] o = corners[(corner + 2) % 4];
        Affine2D toBg = start.objectToBackground(objWidth, objHeight);
        double[] pinned = toBg.apply(o[0], o[1]);
        double[] v = Affine2D.rotateDegrees(-start.rotation()).apply(p.getX() - pinned[0], p.getY() - pinned[1]);
        double dx = c[0] - o[0];
        double dy = c[1] - o[1];
        double sx;
        double sy;
        if (keepAspect) {
            double ex = start.scaleX() * dx;
            double ey = start.scaleY() * dy;
            double f = Math.max(0.01, (v[0] * ex + v[1] * ey) / (ex * ex + ey * ey));
            sx = start.scaleX() * f;
            sy = start.scaleY() * f;
        } else {
            sx = Math.max(Placement.MIN_SCALE, v[0] / dx);
            sy = Math.max(Placement.MIN_SCALE, v[1] / dy);
        }
        Placement scaled = start.withScale(sx, sy);
        double[] half = Affine2D.rotateDegrees(start.rotation()).apply(scaled.scaleX() * dx / 2, scaled.scaleY() * dy / 2);
        return scaled.withCentre(pinned[0] + half[0], pinned[1] + half[1]);
    }
}
