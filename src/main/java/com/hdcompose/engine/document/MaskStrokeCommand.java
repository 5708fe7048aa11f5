package com.hdcompose.engine.document;

import com.hdcompose.engine.document.history.Command;

/** A brush stroke on the object's mask, stored as the changed rectangle before and after the stroke. */
public record MaskStrokeCommand(ObjectLayer layer, MaskTile before, MaskTile after, String label) implements Command<CompositionDocument> {
    public MaskStrokeCommand {
        if (!before.rect().equals(after.rect())) {
            throw new IllegalArgumentException("before and after tiles must cover the same rectangle");
        }
    }

    @Override
    public void execute(CompositionDocument document) {
        after.writeTo(layer.mask().mat());
        document.maskEdited(layer, after.rect());
    }

    @Override
    public void undo(CompositionDocument document) {
        before.writeTo(layer.mask().mat());
        document.maskEdited(layer, before.rect());
    }

    @Override
    public long bytes() {
        return before.bytes() + after.bytes();
    }
}
