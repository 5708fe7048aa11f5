package com.hdcompose.engine.harmonize;

/** How a network's low-resolution colour change is carried to the composite's full resolution. */
public enum HighResMode {
    /** Per-channel monotone curves fitted on the foreground, applied as a lookup table. */
    CURVES,
    /** One 3×4 affine colour matrix fitted by least squares on the foreground. */
    AFFINE,
    /** Spatially varying 3×4 affine matrices on a grid over the foreground, smoothly interpolated. */
    AFFINE_GRID,
    /** Hybrid: curves fitted per region (grid cells over the foreground), smoothly interpolated. */
    REGION_CURVES,
    /** Hybrid refined: region curves plus the upsampled residual the curves leave at working resolution. */
    REGION_CURVES_RESIDUAL,
    /** Affine grid plus the upsampled residual it leaves at working resolution. */
    AFFINE_GRID_RESIDUAL,
    /** Bilinear upsampling of the colour change (output − composite), added to the full-resolution composite. */
    UPSAMPLE_CHANGE,
    /** Plain bilinear upsampling of the low-resolution output (blurs the object; for comparison). */
    UPSAMPLE,
    /** The network runs at the full size (slow, memory-hungry; for comparison and small images). */
    FULL_SIZE;

    /** The default, chosen by measurement ({@code com.hdcompose.tools.HighResComparison}, test scope). */
    public static final HighResMode DEFAULT = AFFINE_GRID;

    /** Parses a command-line spelling such as {@code affine-grid}. */
    public static HighResMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown high-resolution mode '" + text + "'");
        }
    }

    /** Command-line spelling, e.g. {@code affine-grid}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
