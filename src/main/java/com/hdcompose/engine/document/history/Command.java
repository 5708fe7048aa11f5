package com.hdcompose.engine.document.history;

import com.hdcompose.engine.document.CompositionDocument;
import java.util.Optional;

/** One undoable edit of a {@link CompositionDocument}. */
public interface Command {
    /** Short name for the Edit menu ("Move object", "Paint mask"). */
    String label();

    void execute(CompositionDocument document);

    void undo(CompositionDocument document);

    /**
     * Combines this (older) command with {@code later} into one undo step when both belong to the same gesture
     * (consecutive nudges, one slider drag); empty if they must stay separate.
     */
    default Optional<Command> mergeWith(Command later) {
        return Optional.empty();
    }

    /** Approximate memory the command holds, for the history's budget. */
    default long bytes() {
        return 64;
    }
}
