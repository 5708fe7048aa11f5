package com.hdcompose.engine.imaging;

/**
 * What a file's header declares, read before any pixel is decoded.
 *
 * @param orientation EXIF orientation 1..8 (1 = as stored)
 * @param complete    false when the file visibly ends before its image data does
 */
public record ImageHeader(ImageFormat format, int width, int height, int orientation, boolean complete) {
    public long pixels() {
        return (long) width * height;
    }

    /** True when the stored image is turned a quarter, so width and height swap on display. */
    public boolean swapsSides() {
        return orientation >= 5 && orientation <= 8;
    }
}
