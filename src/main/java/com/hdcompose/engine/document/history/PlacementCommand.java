package com.hdcompose.engine.document.history;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.Placement;
import java.util.Objects;
import java.util.Optional;

/** Moves, scales or rotates the object; commands with the same non-null merge key fold into one step. */
public record PlacementCommand(String label, Placement before, Placement after, String mergeKey) implements Command {
    public static final String NUDGE = "nudge";

    @Override
    public void execute(CompositionDocument document) {
        document.setPlacement(after);
    }

    @Override
    public void undo(CompositionDocument document) {
        document.setPlacement(before);
    }

    @Override
    public Optional<Command> mergeWith(Command later) {
        if (mergeKey != null && later instanceof PlacementCommand p && Objects.equals(mergeKey, p.mergeKey)
                && after.equals(p.before)) {
            return Optional.of(new PlacementCommand(label, before, p.after, mergeKey));
        }
        return Optional.empty();
    }
}
