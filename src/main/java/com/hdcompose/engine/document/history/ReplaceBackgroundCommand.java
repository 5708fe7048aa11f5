package com.hdcompose.engine.document.history;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.imaging.ManagedMat;

/** Swaps in a new background photo; the old one is kept for undo. */
public record ReplaceBackgroundCommand(ManagedMat before, ManagedMat after) implements Command {
    @Override
    public String label() {
        return "Open background";
    }

    @Override
    public void execute(CompositionDocument document) {
        document.setBackground(after);
    }

    @Override
    public void undo(CompositionDocument document) {
        document.setBackground(before);
    }

    @Override
    public long bytes() {
        return 3L * after.width() * after.height();
    }
}
