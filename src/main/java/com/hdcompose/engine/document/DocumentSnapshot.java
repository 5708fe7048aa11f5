package com.hdcompose.engine.document;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.ManagedMat;
import java.util.List;
import java.util.Optional;

/**
 * A frozen view of a document for work off the UI thread (preview, export, autosave). The background and object
 * pixels are shared (the document never edits them), the masks are private copies; {@link #close()} releases them.
 * {@code selected} indexes {@code layers} (bottom first), -1 when none is selected.
 */
public record DocumentSnapshot(ManagedMat background, List<ObjectLayer> layers, int selected,
                               HarmonizeOptions settings, long revision) implements AutoCloseable {
    public DocumentSnapshot {
        layers = List.copyOf(layers);
    }

    /** A snapshot with at most one layer, selected. */
    public DocumentSnapshot(ManagedMat background, ObjectLayer objectOrNull, HarmonizeOptions settings, long revision) {
        this(background, objectOrNull == null ? List.of() : List.of(objectOrNull), objectOrNull == null ? -1 : 0,
                settings, revision);
    }

    /** The selected layer or null. */
    public ObjectLayer objectOrNull() {
        return selected >= 0 && selected < layers.size() ? layers.get(selected) : null;
    }

    public Optional<ObjectLayer> object() {
        return Optional.ofNullable(objectOrNull());
    }

    /** Visible layers, bottom first. */
    public List<ObjectLayer> visibleLayers() {
        return layers.stream().filter(ObjectLayer::visible).toList();
    }

    public DocumentSnapshot withSettings(HarmonizeOptions options) {
        return new DocumentSnapshot(background, layers, selected, options, revision);
    }

    @Override
    public void close() {
        for (ObjectLayer l : layers) {
            l.mask().close();
        }
    }
}
