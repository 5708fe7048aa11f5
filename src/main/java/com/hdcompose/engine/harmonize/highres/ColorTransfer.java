package com.hdcompose.engine.harmonize.highres;

/** A colour mapping fitted at working resolution that can be evaluated at any pixel of the full-size image. */
@FunctionalInterface
public interface ColorTransfer {
    /**
     * Maps one RGB pixel (channels in 0..1) at normalised image position (u, v) in 0..1, writing the new colour
     * (0..1, not yet clamped) into {@code out[0..2]}. Must be safe to call from several threads.
     */
    void map(float r, float g, float b, float u, float v, float[] out);
}
