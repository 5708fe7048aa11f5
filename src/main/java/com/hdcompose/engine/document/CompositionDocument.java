package com.hdcompose.engine.document;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.ManagedMat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencv.core.CvType;

/**
 * The editor's document: a background photo and a stack of object layers (bottom first), one of them selected — the
 * one the tools, the inspector and {@link #object()} act on. Each layer is harmonized against the background and the
 * visible layers below it. Mutated on one thread (the UI thread) through commands; every change bumps
 * {@link #revision()} and notifies listeners. Images handed in become owned by the document (and by undo history).
 */
public final class CompositionDocument {
    /**
     * New documents start on HDNet-CT with K = 1 (the demo scene's settings): HDNet-lite's width with a colour-transform
     * head, so the preview stays live on a laptop CPU (models/README.md); the picker offers the paper's HDNet-lite and
     * the others under their own ids.
     */
    public static final HarmonizeOptions DEFAULT_SETTINGS = new HarmonizeOptions(HarmonizeOptions.DEFAULT_MODEL, 1, 256, 1.0);

    private ManagedMat background;
    private final List<ObjectLayer> layers = new ArrayList<>();
    private ObjectLayer selected;
    private HarmonizeOptions defaults;
    private ObjectLayer lastMaskLayer;
    private long revision;
    private final List<DocumentListener> listeners = new CopyOnWriteArrayList<>();

    /** A document with at most one layer, which takes {@code settings}. */
    public CompositionDocument(ManagedMat background, ObjectLayer object, HarmonizeOptions settings) {
        this(background, object == null ? List.of() : List.of(object), object == null ? -1 : 0, settings);
        if (object != null) {
            object.setSettings(settings);
        }
    }

    /** A document with {@code layers} (bottom first), {@code selectedIndex} selected (-1: none). */
    public CompositionDocument(ManagedMat background, List<ObjectLayer> layers, int selectedIndex,
                               HarmonizeOptions defaults) {
        this.background = checkBackground(background);
        this.layers.addAll(layers);
        this.selected = selectedIndex >= 0 && selectedIndex < layers.size() ? layers.get(selectedIndex) : null;
        this.defaults = Objects.requireNonNull(defaults);
    }

    private static ManagedMat checkBackground(ManagedMat bg) {
        if (bg == null || bg.mat().type() != CvType.CV_8UC3 || bg.width() < 1 || bg.height() < 1) {
            throw new IllegalArgumentException("background must be a non-empty 8-bit RGB image");
        }
        return bg;
    }

    public ManagedMat background() {
        return background;
    }

    /** The selected layer, if any. */
    public Optional<ObjectLayer> object() {
        return Optional.ofNullable(selected);
    }

    /** All layers, bottom first (read-only). */
    public List<ObjectLayer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The selected layer's settings, or the settings new layers get when none is selected. */
    public HarmonizeOptions settings() {
        return selected != null ? selected.settings() : defaults;
    }

    public long revision() {
        return revision;
    }

    public int width() {
        return background.width();
    }

    public int height() {
        return background.height();
    }

    public void addListener(DocumentListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DocumentListener listener) {
        listeners.remove(listener);
    }

    public void setBackground(ManagedMat bg) {
        this.background = checkBackground(bg);
        fire(DocumentListener.Change.BACKGROUND, null);
    }

    /** Replaces the layer stack (add, delete, reorder, duplicate) and selects {@code select} (null: none). */
    public void setLayers(List<ObjectLayer> stack, ObjectLayer select) {
        layers.clear();
        layers.addAll(stack);
        selected = select != null && layers.contains(select) ? select : null;
        fire(DocumentListener.Change.OBJECT, null);
    }

    /** Makes {@code layer} the one the tools act on (not an edit: not undoable). */
    public void select(ObjectLayer layer) {
        if (layer != selected && (layer == null || layers.contains(layer))) {
            selected = layer;
            fire(DocumentListener.Change.SELECTION, null);
        }
    }

    public void setPlacement(Placement placement) {
        if (selected == null) {
            throw new IllegalStateException("no object to place");
        }
        setPlacement(selected, placement);
    }

    public void setPlacement(ObjectLayer layer, Placement placement) {
        layer.setPlacement(Objects.requireNonNull(placement));
        fire(DocumentListener.Change.PLACEMENT, null);
    }

    /** Sets the selected layer's settings (and those new layers start with). */
    public void setSettings(HarmonizeOptions options) {
        setSettings(selected, options);
    }

    /** Sets {@code layer}'s settings, or with null the settings new layers start with. */
    public void setSettings(ObjectLayer layer, HarmonizeOptions options) {
        defaults = Objects.requireNonNull(options);
        if (layer != null) {
            layer.setSettings(options);
        }
        fire(DocumentListener.Change.SETTINGS, null);
    }

    public void setVisible(ObjectLayer layer, boolean visible) {
        layer.setVisible(visible);
        fire(DocumentListener.Change.OBJECT, null);
    }

    public void setName(ObjectLayer layer, String name) {
        layer.setName(name);
        fire(DocumentListener.Change.LAYER_INFO, null);
    }

    /** Reports that the selected layer's mask was edited in place within {@code region} (object pixels). */
    public void maskEdited(PixelRect region) {
        maskEdited(selected, region);
    }

    /** Reports that {@code layer}'s mask was edited in place within {@code region} (object pixel coordinates). */
    public void maskEdited(ObjectLayer layer, PixelRect region) {
        lastMaskLayer = layer;
        fire(DocumentListener.Change.MASK, region);
    }

    /** The layer of the latest MASK change (listeners read it while handling that change). */
    public ObjectLayer lastMaskLayer() {
        return lastMaskLayer;
    }

    /** Replaces the whole content, e.g. after opening a project; listeners see {@code REPLACED}. */
    public void replaceWith(CompositionDocument other) {
        this.background = other.background;
        this.layers.clear();
        this.layers.addAll(other.layers);
        this.selected = other.selected;
        this.defaults = other.defaults;
        fire(DocumentListener.Change.REPLACED, null);
    }

    /** A copy for background threads: same immutable pixels, copied masks, same placements and settings. */
    public DocumentSnapshot snapshot() {
        List<ObjectLayer> copies = new ArrayList<>(layers.size());
        for (ObjectLayer l : layers) {
            copies.add(l.snapshot());
        }
        return new DocumentSnapshot(background, copies, layers.indexOf(selected), settings(), revision);
    }

    private void fire(DocumentListener.Change change, PixelRect region) {
        revision++;
        for (DocumentListener l : listeners) {
            l.documentChanged(change, region);
        }
    }
}
