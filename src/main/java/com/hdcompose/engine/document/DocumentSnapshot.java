package com.hdcompose.engine.document;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.ManagedMat;
import java.util.Optional;

/**
 * A frozen view of a document for work off the UI thread (preview, export, autosave). The background and object
 * pixels are shared (the document never edits them), the mask is a private copy; {@link #close()} releases that copy.
 */
public record DocumentSnapshot(ManagedMat background, ObjectLayer objectOrNull, HarmonizeOptions settings,
                               long revision) implements AutoCloseable {
    public Optional<ObjectLayer> object() {
        return Optional.ofNullable(objectOrNull);
    }

    public DocumentSnapshot withSettings(HarmonizeOptions options) {
        return new DocumentSnapshot(background, objectOrNull, options, revision);
    }

    @Override
    public void close() {
        if (objectOrNull != null) {
            objectOrNull.mask().close();
        }
    }
}
