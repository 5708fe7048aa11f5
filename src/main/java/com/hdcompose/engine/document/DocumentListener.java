package com.hdcompose.engine.document;

/** Told about every change of a {@link CompositionDocument}; {@code maskRegion} is set for mask edits only. */
@FunctionalInterface
public interface DocumentListener {
    /**
     * What changed: OBJECT covers layers added, removed, reordered, shown or hidden; LAYER_INFO a rename; SELECTION
     * which layer the tools act on.
     */
    enum Change { BACKGROUND, OBJECT, PLACEMENT, MASK, SETTINGS, REPLACED, LAYER_INFO, SELECTION }

    void documentChanged(Change change, PixelRect maskRegion);
}
