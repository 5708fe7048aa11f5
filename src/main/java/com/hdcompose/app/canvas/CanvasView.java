package com.hdcompose.app.canvas;

import com.hdcompose.app.preview.PreviewController;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.app.session.ViewOptions;
import com.hdcompose.app.session.ViewTransform;
import com.hdcompose.engine.document.CompositionDocument;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * The image canvas: paints the document, the harmonized preview and the overlays, with zoom and pan. Repaints are
 * coalesced to at most one per pulse; input handling lives in {@link CanvasInteraction}.
 */
public final class CanvasView extends Region {
    private final Canvas canvas = new Canvas(10, 10);
    private final EditorSession session;
    private final PreviewController preview;
    private final LayerImages layers;
    private final ViewTransform view = new ViewTransform();
    private final CanvasPainter painter;
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private Point2D pointer;
    private boolean needsFit = true;
    private boolean dirty = true;
    private String dropHint;
    private long paints;
    private final AnimationTimer painterTimer;

    public CanvasView(EditorSession session, PreviewController preview) {
        this.session = session;
        this.preview = preview;
        this.layers = new LayerImages(session.document());
        this.painter = new CanvasPainter(this);
        getChildren().add(canvas);
        setFocusTraversable(true);
        getStyleClass().add("image-canvas");
        setMinSize(200, 150);
        session.revisionProperty().addListener((o, a, b) -> repaint());
        preview.spriteProperty().addListener((o, a, b) -> repaint());
        preview.spritesProperty().addListener((o, a, b) -> repaint());
        ViewOptions v = session.view();
        v.splitViewProperty().addListener((o, a, b) -> repaint());
        v.splitPositionProperty().addListener((o, a, b) -> repaint());
        v.flashOriginalProperty().addListener((o, a, b) -> repaint());
        v.maskOverlayProperty().addListener((o, a, b) -> repaint());
        v.knnModeProperty().addListener((o, a, b) -> repaint());
        session.toolProperty().addListener((o, a, b) -> repaint());
        session.brushSizeProperty().addListener((o, a, b) -> repaint());
        painterTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    dirty = false;
                    paints++;
                    painter.paint(canvas.getGraphicsContext2D());
                }
            }
        };
        painterTimer.start();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (needsFit && w > 50 && h > 50) {
                fitToWindow();
                needsFit = false;
            }
            repaint();
        }
    }

    /** Stops repainting (the window is closing). */
    public void dispose() {
        painterTimer.stop();
    }

    /** Asks for a repaint on the next pulse. */
    public void repaint() {
        dirty = true;
    }

    /** Ctrl+0. */
    public void fitToWindow() {
        CompositionDocument doc = session.document();
        view.fit(getWidth(), getHeight(), doc.width(), doc.height());
        zoomChanged();
    }

    /** Ctrl+1. */
    public void actualSize() {
        CompositionDocument doc = session.document();
        view.actualSize(getWidth(), getHeight(), doc.width(), doc.height());
        zoomChanged();
    }

    /** Fits on the next layout (after a new background of a different size). */
    public void fitLater() {
        if (getWidth() > 50) {
            fitToWindow();
        } else {
            needsFit = true;
        }
    }

    public void zoomChanged() {
        zoom.set(view.zoom());
        repaint();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public ViewTransform viewTransform() {
        return view;
    }

    /** The pointer in document coordinates, or null when it is outside the canvas. */
    public Point2D pointer() {
        return pointer;
    }

    public void setPointer(Point2D documentPoint) {
        this.pointer = documentPoint;
        repaint();
    }

    public void setDropHint(String hint) {
        this.dropHint = hint;
        repaint();
    }

    String dropHint() {
        return dropHint;
    }

    EditorSession session() {
        return session;
    }

    PreviewController preview() {
        return preview;
    }

    LayerImages layers() {
        return layers;
    }

    Canvas canvas() {
        return canvas;
    }

    /** Number of repaints so far (for tests and benchmarks). */
    public long paintCount() {
        return paints;
    }
}
