package com.hdcompose.engine.document.history;

import java.util.List;

/** Several commands as one undo step (open a composite with its mask: new background and new layer). */
public record CompoundCommand<D>(String label, List<Command<D>> parts) implements Command<D> {
    public CompoundCommand {
        parts = List.copyOf(parts);
    }

    @Override
    public void execute(D document) {
        parts.forEach(c -> c.execute(document));
    }

    @Override
    public void undo(D document) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).undo(document);
        }
    }

    @Override
    public long bytes() {
        return parts.stream().mapToLong(Command::bytes).sum();
    }
}
