package com.hdcompose.engine.document.history;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.ObjectLayer;

/** Adds or swaps the object layer (open, drop, paste); the previous layer (or none) is kept for undo. */
public record ReplaceObjectCommand(ObjectLayer before, ObjectLayer after) implements Command {
    @Override
    public String label() {
        return "Place object";
    }

    @Override
    public void execute(CompositionDocument document) {
        document.setObject(after);
    }

    @Override
    public void undo(CompositionDocument document) {
        document.setObject(before);
    }

    @Override
    public long bytes() {
        return after == null ? 64 : 7L * after.width() * after.height();
    }
}
