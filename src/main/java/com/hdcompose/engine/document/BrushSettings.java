package com.hdcompose.engine.document;

/**
 * A round mask brush: {@code radius} in object pixels, {@code hardness} 0 (soft edge across the whole radius)
 * to 1 (hard edge), and whether it erases (lowers the mask) or paints (raises it).
 */
public record BrushSettings(double radius, double hardness, boolean erase) {
    public static final double MIN_RADIUS = 0.5;
    public static final double MAX_RADIUS = 10000;

    public BrushSettings {
        if (!(radius >= MIN_RADIUS && radius <= MAX_RADIUS)) {
            throw new IllegalArgumentException("brush radius must be between 0.5 and 2000");
        }
        if (!(hardness >= 0 && hardness <= 1)) {
            throw new IllegalArgumentException("hardness must be between 0 and 1");
        }
    }

    /** Coverage at distance {@code d} from the centre: 1 inside the hard core, smooth fall-off to 0 at the radius. */
    public double coverage(double d) {
        double core = hardness * radius;
        if (d <= core) {
            return 1;
        }
        if (d >= radius) {
            return 0;
        }
        double t = (d - core) / (radius - core);
        return 1 - t * t * (3 - 2 * t);
    }
}
