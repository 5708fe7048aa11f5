package com.hdcompose.engine.render;

import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.ModelRun;
import com.hdcompose.engine.imaging.ManagedMat;

/**
 * One finished preview of one layer ({@code layerId}): the harmonized composite and its placed mask at {@code scale} × background resolution,
 * the object's bounds in that image, the placement and settings it was made for, and what the model reported.
 * The receiver owns the images and closes the frame when it is replaced.
 */
public record PreviewFrame(long layerId, ManagedMat harmonized, ManagedMat mask, PixelRect objectBounds, double scale,
                           Placement placement, HarmonizeOptions options, PreviewQuality quality, ModelRun run,
                           long revision) implements AutoCloseable {
    @Override
    public void close() {
        harmonized.close();
        mask.close();
    }
}
