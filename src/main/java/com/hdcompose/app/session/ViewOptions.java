package com.hdcompose.app.session;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/** What the canvas shows besides the document: split view, flash of the original, mask overlay, neighbour view. */
public final class ViewOptions {
    private final BooleanProperty splitView = new SimpleBooleanProperty(this, "splitView", false);
    private final DoubleProperty splitPosition = new SimpleDoubleProperty(this, "splitPosition", 0.5);
    private final BooleanProperty flashOriginal = new SimpleBooleanProperty(this, "flashOriginal", false);
    private final BooleanProperty maskOverlay = new SimpleBooleanProperty(this, "maskOverlay", false);
    private final ObjectProperty<KnnViewMode> knnMode = new SimpleObjectProperty<>(this, "knnMode", KnnViewMode.OFF);

    /** Before (left of the divider) / after (right) split. */
    public BooleanProperty splitViewProperty() {
        return splitView;
    }

    /** Divider position as a fraction of the canvas width. */
    public DoubleProperty splitPositionProperty() {
        return splitPosition;
    }

    /** While true (the \ key is held) the unharmonized composite is shown everywhere. */
    public BooleanProperty flashOriginalProperty() {
        return flashOriginal;
    }

    public BooleanProperty maskOverlayProperty() {
        return maskOverlay;
    }

    public ObjectProperty<KnnViewMode> knnModeProperty() {
        return knnMode;
    }
}
