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

    /** Moves, scales or rotates {@code layer} (undo acts on that layer whatever is selected then). */
    public static ValueCommand<Placement> placement(ObjectLayer layer, String label, Placement before, Placement after,
                                                    String mergeKey) {
        return new ValueCommand<>("placement", label, before, after, layerKey(layer, mergeKey),
                (d, p) -> d.setPlacement(layer, p), 64);
    }

    /** Changes {@code layer}'s model, K, strength or working size (null: the settings new layers get). */
    public static ValueCommand<HarmonizeOptions> settings(ObjectLayer layer, String label, HarmonizeOptions before,
                                                          HarmonizeOptions after, String mergeKey) {
        return new ValueCommand<>("settings", label, before, after, layerKey(layer, mergeKey),
                (d, s) -> d.setSettings(layer, s), 64);
    }

    /** Shows or hides {@code layer}. */
    public static ValueCommand<Boolean> visibility(ObjectLayer layer, boolean visible) {
        return new ValueCommand<>("visible", visible ? "Show layer" : "Hide layer", !visible, visible, null,
                (d, v) -> d.setVisible(layer, v), 64);
    }

    /** Renames {@code layer}. */
    public static ValueCommand<String> rename(ObjectLayer layer, String before, String after) {
        return new ValueCommand<>("name", "Rename layer", before, after, null, (d, n) -> d.setName(layer, n), 64);
    }

    /** Merge keys only join edits of the same layer. */
    private static String layerKey(ObjectLayer layer, String mergeKey) {
        return mergeKey == null ? null : mergeKey + "#" + (layer == null ? 0 : layer.id());
    }

    /** Swaps in a new background photo; the old one is kept for undo. */
    public static ValueCommand<ManagedMat> background(ManagedMat before, ManagedMat after) {
        return new ValueCommand<>("background", "Open background", before, after, null,
                CompositionDocument::setBackground, 3L * after.width() * after.height());
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
