package com.hdcompose.engine.document.history;

import java.util.Optional;

/** One undoable edit of a document of type {@code D}; the history knows nothing more about the document. */
public interface Command<D> {
    /** Short name for the Edit menu ("Move object", "Paint mask"). */
    String label();

    void execute(D document);

    void undo(D document);

    /**
     * Combines this (older) command with {@code later} into one undo step when both belong to the same gesture
     * (consecutive nudges, one slider drag); empty if they must stay separate.
     */
    default Optional<Command<D>> mergeWith(Command<D> later) {
        return Optional.empty();
    }

    /** Approximate memory the command holds, for the history's budget. */
    default long bytes() {
        return 64;
    }
}
