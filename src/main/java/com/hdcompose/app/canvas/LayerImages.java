package com.hdcompose.app.canvas;

import com.hdcompose.app.fx.FxImages;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DocumentListener;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.imaging.ManagedMat;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.image.WritableImage;

/**
 * JavaFX images of the document's layers for drawing: the background, each layer's unharmonized object with its mask
 * as alpha, and the red mask overlay. Mask edits rewrite only the changed rectangle of the edited layer.
 */
public final class LayerImages {
    /** One layer's drawable images and the layer they were made from. */
    private record Images(ObjectLayer source, WritableImage object, WritableImage maskOverlay) {
    }

    private final CompositionDocument document;
    private WritableImage background;
    private ManagedMat backgroundSource;
    private final Map<Long, Images> layers = new HashMap<>();

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

    /** The selected layer's raw object with alpha from its mask, in object pixels; null without a selection. */
    public WritableImage object() {
        return document.object().map(this::object).orElse(null);
    }

    /** {@code layer}'s raw object with alpha from its mask, in object pixel coordinates. */
    public WritableImage object(ObjectLayer layer) {
        return sync(layer).object();
    }

    /** The selected layer's red mask overlay; null without a selection. */
    public WritableImage maskOverlay() {
        return document.object().map(l -> sync(l).maskOverlay()).orElse(null);
    }

    private Images sync(ObjectLayer layer) {
        Images images = layers.get(layer.id());
        if (images == null || images.source() != layer) {
            PixelRect all = new PixelRect(0, 0, layer.width(), layer.height());
            WritableImage overlay = new WritableImage(layer.width(), layer.height());
            FxImages.updateMaskOverlay(overlay, layer.mask(), all);
            images = new Images(layer, FxImages.withAlpha(layer.image(), layer.mask(), all), overlay);
            layers.put(layer.id(), images);
        }
        return images;
    }

    private void changed(DocumentListener.Change change, PixelRect region) {
        ObjectLayer edited = document.lastMaskLayer();
        if (change == DocumentListener.Change.MASK && edited != null && region != null) {
            Images images = layers.get(edited.id());
            if (images != null && images.source() == edited) {
                FxImages.update(images.object(), edited.image(), edited.mask(), region);
                FxImages.updateMaskOverlay(images.maskOverlay(), edited.mask(), region);
            }
        } else if (change == DocumentListener.Change.REPLACED || change == DocumentListener.Change.OBJECT) {
            layers.keySet().retainAll(document.layers().stream().map(ObjectLayer::id).toList());
        }
    }
}
