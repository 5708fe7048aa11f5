package com.hdcompose.engine.document;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.ManagedMat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencv.core.CvType;

/**
 * The editor's document: a background photo, an optional object layer and the harmonization settings.
 * Mutated on one thread (the UI thread) through commands; every change bumps {@link #revision()} and notifies
 * listeners. Images handed in become owned by the document (and by undo history once replaced).
 */
public final class CompositionDocument {
    /**
     * New documents start on HDNet-lite with K = 1 (the demo scene's settings): it is the best-trained model and the
     * fastest HDNet, so the preview stays live on a laptop CPU (models/README.md); the picker offers the others.
     */
    public static final HarmonizeOptions DEFAULT_SETTINGS = new HarmonizeOptions("hdnet-lite", 1, 256, 1.0);

    private ManagedMat background;
    private ObjectLayer object;
    private HarmonizeOptions settings;
    private long revision;
    private final List<DocumentListener> listeners = new CopyOnWriteArrayList<>();

    public CompositionDocument(ManagedMat background, ObjectLayer object, HarmonizeOptions settings) {
        this.background = checkBackground(background);
        this.object = object;
        this.settings = Objects.requireNonNull(settings);
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

    public Optional<ObjectLayer> object() {
        return Optional.ofNullable(object);
    }

    public HarmonizeOptions settings() {
        return settings;
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

    public void setObject(ObjectLayer layer) {
        this.object = layer;
        fire(DocumentListener.Change.OBJECT, null);
    }

    public void setPlacement(Placement placement) {
        if (object == null) {
            throw new IllegalStateException("no object to place");
        }
        object.setPlacement(Objects.requireNonNull(placement));
        fire(DocumentListener.Change.PLACEMENT, null);
    }

    public void setSettings(HarmonizeOptions options) {
        this.settings = Objects.requireNonNull(options);
        fire(DocumentListener.Change.SETTINGS, null);
    }

    /** Reports that the object's mask was edited in place within {@code region} (object pixel coordinates). */
    public void maskEdited(PixelRect region) {
        fire(DocumentListener.Change.MASK, region);
    }

    /** Replaces the whole content, e.g. after opening a project; listeners see {@code REPLACED}. */
    public void replaceWith(CompositionDocument other) {
        this.background = other.background;
        this.object = other.object;
        this.settings = other.settings;
        fire(DocumentListener.Change.REPLACED, null);
    }

    /** A copy for background threads: same immutable pixels, copied mask, same placement and settings. */
    public DocumentSnapshot snapshot() {
        return new DocumentSnapshot(background, object == null ? null : object.snapshot(), settings, revision);
    }

    private void fire(DocumentListener.Change change, PixelRect region) {
        revision++;
        for (DocumentListener l : listeners) {
            l.documentChanged(change, region);
        }
    }
}
