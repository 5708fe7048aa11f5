package com.hdcompose.engine.document;

import com.hdcompose.engine.document.history.Command;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.ManagedMat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Sets one document value (placement, settings, background, object layer) from {@code before} to {@code after};
 * commands of the same kind with the same non-null merge key that continue each other fold into one undo step.
 */
public record ValueCommand<T>(String kind, String label, T before, T after, String mergeKey,
                              BiConsumer<CompositionDocument, T> setter, long bytes) implements Command<CompositionDocument> {
    public static final String NUDGE = "nudge";

    /** Moves, scales or rotates the object. */
    public static ValueCommand<Placement> placement(String label, Placement before, Placement after, String mergeKey) {
        return new ValueCommand<>("placement", label, before, after, mergeKey, CompositionDocument::setPlacement, 64);
    }

    /** Changes model, K, strength or working size. */
    public static ValueCommand<HarmonizeOptions> settings(String label, HarmonizeOptions before, HarmonizeOptions after,
                                                          String mergeKey) {
        return new ValueCommand<>("settings", label, before, after, mergeKey, CompositionDocument::setSettings, 64);
    }

    /** Swaps in a new background photo; the old one is kept for undo. */
    public static ValueCommand<ManagedMat> background(ManagedMat before, ManagedMat after) {
        return new ValueCommand<>("background", "Open background", before, after, null,
                CompositionDocument::setBackground, 3L * after.width() * after.height());
    }

    /** Adds or swaps the object layer (open, drop, paste); the previous layer (or none) is kept for undo. */
    public static ValueCommand<ObjectLayer> object(ObjectLayer before, ObjectLayer after) {
        return new ValueCommand<>("object", "Place object", before, after, null, CompositionDocument::setObject,
                after == null ? 64 : 7L * after.width() * after.height());
    }

    @Override
    public void execute(CompositionDocument document) {
        setter.accept(document, after);
    }

    @Override
    public void undo(CompositionDocument document) {
        setter.accept(document, before);
    }

    @Override
    public Optional<Command<CompositionDocument>> mergeWith(Command<CompositionDocument> later) {
        if (mergeKey != null && later instanceof ValueCommand<?> v && kind.equals(v.kind)
                && Objects.equals(mergeKey, v.mergeKey) && Objects.equals(after, v.before)) {
            @SuppressWarnings("unchecked")
            ValueCommand<T> next = (ValueCommand<T>) v;
            return Optional.of(new ValueCommand<>(kind, label, before, next.after, mergeKey, setter, bytes));
        }
        return Optional.empty();
    }
}
