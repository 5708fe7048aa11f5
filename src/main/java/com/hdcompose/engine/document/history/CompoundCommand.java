package com.hdcompose.engine.document.history;

import com.hdcompose.engine.document.CompositionDocument;
import java.util.List;

/** Several commands as one undo step (open a composite with its mask: new background and new layer). */
public record CompoundCommand(String label, List<Command> parts) implements Command {
    public CompoundCommand {
        parts = List.copyOf(parts);
    }

    @Override
    public void execute(CompositionDocument document) {
        parts.forEach(c -> c.execute(document));
    }

    @Override
    public void undo(CompositionDocument document) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).undo(document);
        }
    }

    @Override
    public long bytes() {
        return parts.stream().mapToLong(Command::bytes).sum();
    }
}
