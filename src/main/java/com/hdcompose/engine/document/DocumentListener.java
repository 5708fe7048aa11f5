package com.hdcompose.engine.document;

/** Told about every change of a {@link CompositionDocument}; {@code maskRegion} is set for mask edits only. */
@FunctionalInterface
public interface DocumentListener {
    /** What changed. */
    enum Change { BACKGROUND, OBJECT, PLACEMENT, MASK, SETTINGS, REPLACED }

    void documentChanged(Change change, PixelRect maskRegion);
}
