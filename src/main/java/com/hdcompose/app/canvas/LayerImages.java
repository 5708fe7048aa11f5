package com.hdcompose.app.canvas;

import com.hdcompose.app.fx.FxImages;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DocumentListener;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.imaging.ManagedMat;
import javafx.scene.image.WritableImage;

/**
 * JavaFX images of the document's layers for drawing: the background, the unharmonized object with its mask as
 * alpha, and the red mask overlay. Mask edits rewrite only the changed rectangle.
 */
public final class LayerImages {
    private final CompositionDocument document;
    private WritableImage background;
    private ManagedMat backgroundSource;
    private WritableImage object;
    private WritableImage maskOverlay;
    private ObjectLayer objectSource;

    public LayerImages(CompositionDocument document) {
        this.document = document;
        document.addListener(this::changed);
    }

    public WritableImage background() {
        if (background == null || backgroundSource != document.background()) {
            backgroundSource = document.background();
            background = FxImages.fromRgb(backgroundSource);
        }
        return background;
    }

    /** The raw object with alpha from its mask, in object pixel coordinates; null without an object. */
    public WritableImage object() {
        syncObject();
        return object;
    }

    public WritableImage maskOverlay() {
        syncObject();
        return maskOverlay;
    }

    private void syncObject() {
        ObjectLayer layer = document.object().orElse(null);
        if (layer == null) {
            object = null;
            maskOverlay = null;
            objectSource = null;
            return;
        }
        if (layer != objectSource) {
            objectSource = layer;
            PixelRect all = new PixelRect(0, 0, layer.width(), layer.height());
            object = FxImages.withAlpha(layer.image(), layer.mask(), all);
            maskOverlay = new WritableImage(layer.width(), layer.height());
            FxImages.updateMaskOverlay(maskOverlay, layer.mask(), all);
        }
    }

    private void changed(DocumentListener.Change change, PixelRect region) {
        if (change == DocumentListener.Change.MASK && objectSource != null && region != null
                && document.object().orElse(null) == objectSource) {
            FxImages.update(object, objectSource.image(), objectSource.mask(), region);
            FxImages.updateMaskOverlay(maskOverlay, objectSource.mask(), region);
        } else if (change == DocumentListener.Change.REPLACED || change == DocumentListener.Change.OBJECT) {
            objectSource = null;
        }
    }
}
