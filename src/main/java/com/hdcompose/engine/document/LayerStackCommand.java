package com.hdcompose.engine.document;

import com.hdcompose.engine.document.history.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes the layer stack — add, delete, duplicate, reorder — as one undo step: the whole stack and the selection
 * before and after (layers are shared, so this costs a list, plus the pixels of an added layer).
 */
public record LayerStackCommand(String label, List<ObjectLayer> before, ObjectLayer selectedBefore,
                                List<ObjectLayer> after, ObjectLayer selectedAfter) implements Command<CompositionDocument> {
    public LayerStackCommand {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** Adds {@code layer} on top of the stack and selects it. */
    public static LayerStackCommand add(CompositionDocument doc, ObjectLayer layer, String label) {
        List<ObjectLayer> next = new ArrayList<>(doc.layers());
        next.add(layer);
        return new LayerStackCommand(label, doc.layers(), doc.object().orElse(null), next, layer);
    }

    /** Removes {@code layer}; the layer below (or the new bottom one) becomes selected. */
    public static LayerStackCommand delete(CompositionDocument doc, ObjectLayer layer) {
        List<ObjectLayer> next = new ArrayList<>(doc.layers());
        int index = next.indexOf(layer);
        next.remove(layer);
        ObjectLayer select = next.isEmpty() ? null : next.get(Math.max(0, index - 1));
        return new LayerStackCommand("Delete layer", doc.layers(), doc.object().orElse(null), next, select);
    }

    /** Moves {@code layer} up ({@code +1}) or down ({@code -1}) the stack; empty moves are refused by the caller. */
    public static LayerStackCommand move(CompositionDocument doc, ObjectLayer layer, int direction) {
        List<ObjectLayer> next = new ArrayList<>(doc.layers());
        int from = next.indexOf(layer);
        int to = Math.max(0, Math.min(next.size() - 1, from + direction));
        next.remove(from);
        next.add(to, layer);
        return new LayerStackCommand(direction > 0 ? "Move layer up" : "Move layer down", doc.layers(),
                doc.object().orElse(null), next, layer);
    }

    @Override
    public void execute(CompositionDocument document) {
        document.setLayers(after, selectedAfter);
    }

    @Override
    public void undo(CompositionDocument document) {
        document.setLayers(before, selectedBefore);
    }

    @Override
    public long bytes() {
        long pixels = 0;
        for (ObjectLayer l : after) {
            if (!before.contains(l)) {
                pixels += 7L * l.width() * l.height();
            }
        }
        return 64 + pixels;
    }
}
