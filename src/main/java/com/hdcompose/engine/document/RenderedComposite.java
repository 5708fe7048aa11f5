package com.hdcompose.engine.document;

import com.hdcompose.engine.imaging.ManagedMat;

/**
 * A composite ready for a harmonizer: 8-bit RGB image and CV_32FC1 mask of the same size, rendered at
 * {@code scale} times the background resolution; {@code objectBounds} is where the placed object lies (clipped).
 */
public record RenderedComposite(ManagedMat image, ManagedMat mask, double scale, PixelRect objectBounds)
        implements AutoCloseable {
    @Override
    public void close() {
        image.close();
        mask.close();
    }
}
