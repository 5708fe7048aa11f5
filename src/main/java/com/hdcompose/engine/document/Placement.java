package com.hdcompose.engine.document;

/**
 * Where the object sits on the background: its centre (x, y) in background pixels, its scale per axis and its
 * rotation in degrees (clockwise on screen, about the centre).
 */
public record Placement(double x, double y, double scaleX, double scaleY, double rotation) {
    public static final double MIN_SCALE = 0.01;
    public static final double MAX_SCALE = 100;

    public Placement {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(rotation)) {
            throw new IllegalArgumentException("placement must be finite");
        }
        if (!(Math.abs(scaleX) >= MIN_SCALE && Math.abs(scaleX) <= MAX_SCALE)
                || !(Math.abs(scaleY) >= MIN_SCALE && Math.abs(scaleY) <= MAX_SCALE)) {
            throw new IllegalArgumentException("scale must be between 0.01 and 100");
        }
    }

    /** The object centred on a background of the given size, scaled to cover about {@code fraction} of its height. */
    public static Placement centred(int bgWidth, int bgHeight, int objWidth, int objHeight, double fraction) {
        double s = Math.min(fraction * bgHeight / objHeight, fraction * bgWidth / objWidth);
        s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
        return new Placement(bgWidth / 2.0, bgHeight / 2.0, s, s, 0);
    }

    public Placement movedBy(double dx, double dy) {
        return new Placement(x + dx, y + dy, scaleX, scaleY, rotation);
    }

    public Placement withCentre(double nx, double ny) {
        return new Placement(nx, ny, scaleX, scaleY, rotation);
    }

    public Placement withScale(double sx, double sy) {
        double cx = Math.copySign(Math.max(MIN_SCALE, Math.min(MAX_SCALE, Math.abs(sx))), sx);
        double cy = Math.copySign(Math.max(MIN_SCALE, Math.min(MAX_SCALE, Math.abs(sy))), sy);
        return new Placement(x, y, cx, cy, rotation);
    }

    public Placement withRotation(double degrees) {
        double r = degrees % 360;
        if (r > 180) {
            r -= 360;
        } else if (r <= -180) {
            r += 360;
        }
        return new Placement(x, y, scaleX, scaleY, r);
    }

    /** Maps object pixel coordinates to background pixel coordinates for an object of the given size. */
    public Affine2D objectToBackground(int objWidth, int objHeight) {
        return Affine2D.translate(x, y)
                .then(Affine2D.rotateDegrees(rotation))
                .then(Affine2D.scale(scaleX, scaleY))
                .then(Affine2D.translate(-objWidth / 2.0, -objHeight / 2.0));
    }
}
