package com.hdcompose.engine.harmonize;

import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;

/**
 * Re-lights and re-colours the masked object of a composite so it matches the background.
 *
 * <p>Inputs: {@code composite} 8-bit RGB (CV_8UC3, channel order R,G,B), {@code mask} CV_32FC1 in 0..1,
 * same size. The result has the composite's full size; pixels where the mask is 0 are bit-identical to the
 * composite; the final blend uses the soft mask while models see it binarised at 0.5. Implementations are
 * thread-safe. Inputs are not modified or closed.</p>
 */
public interface Harmonizer extends AutoCloseable {
    /** Model id as used by the command line and the model picker. */
    String id();

    HarmonizeResult harmonize(ManagedMat composite, ManagedMat mask, HarmonizeOptions options,
                              CancellationToken cancel);

    @Override
    default void close() {
    }
}
