package com.hdcompose.engine.document;

/** A 2×3 affine transform {@code [a b c; d e f]} mapping (x, y) to (a·x + b·y + c, d·x + e·y + f). */
public record Affine2D(double a, double b, double c, double d, double e, double f) {
    public static final Affine2D IDENTITY = new Affine2D(1, 0, 0, 0, 1, 0);

    public static Affine2D translate(double tx, double ty) {
        return new Affine2D(1, 0, tx, 0, 1, ty);
    }

    public static Affine2D scale(double sx, double sy) {
        return new Affine2D(sx, 0, 0, 0, sy, 0);
    }

    public static Affine2D rotateDegrees(double degrees) {
        double r = Math.toRadians(degrees);
        double cos = Math.cos(r);
        double sin = Math.sin(r);
        return new Affine2D(cos, -sin, 0, sin, cos, 0);
    }

    /** {@code this ∘ next}: applies {@code next} first, then this. */
    public Affine2D then(Affine2D next) {
        return new Affine2D(
                a * next.a + b * next.d, a * next.b + b * next.e, a * next.c + b * next.f + c,
                d * next.a + e * next.d, d * next.b + e * next.e, d * next.c + e * next.f + f);
    }

    public Affine2D inverse() {
        double det = a * e - b * d;
        if (Math.abs(det) < 1e-12) {
            throw new IllegalStateException("transform is not invertible");
        }
        double ia = e / det;
        double ib = -b / det;
        double id = -d / det;
        double ie = a / det;
        return new Affine2D(ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f));
    }

    public double[] apply(double x, double y) {
        return new double[] {a * x + b * y + c, d * x + e * y + f};
    }

    /** Row-major {a, b, c, d, e, f}, the layout OpenCV's warpAffine expects. */
    public double[] toArray() {
        return new double[] {a, b, c, d, e, f};
    }
}
