package com.hdcompose.engine.imaging;

import com.hdcompose.engine.error.HarmonizeException;

/** Refuses images too large to edit safely, judged from the declared size before anything is decoded. */
public final class ImageSizeLimit {
    public static final int MAX_SIDE = 16_384;
    public static final long MAX_PIXELS = 120_000_000L;

    private ImageSizeLimit() {
    }

    /** Throws a BAD_INPUT {@link HarmonizeException} naming {@code name} when the size is empty or over a limit. */
    public static void check(String name, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw HarmonizeException.badInput(name + ": image declares an empty size of " + width + "x" + height);
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw HarmonizeException.badInput(name + ": image is " + width + "x" + height
                    + ", over the limit of " + MAX_SIDE + " px a side");
        }
        long pixels = (long) width * height;
        if (pixels > MAX_PIXELS) {
            throw HarmonizeException.badInput(String.format(java.util.Locale.ROOT,
                    "%s: image is %dx%d (%.1f megapixels), over the limit of %d megapixels",
                    name, width, height, pixels / 1e6, MAX_PIXELS / 1_000_000));
        }
    }
}
