package com.hdcompose.app.canvas;

import com.hdcompose.app.preview.PreviewController;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.app.session.Tool;
import com.hdcompose.engine.document.BrushSettings;
import com.hdcompose.engine.document.BrushStroke;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.document.MaskStrokeCommand;
import com.hdcompose.engine.document.ValueCommand;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Pointer input on the canvas: wheel zoom, pan (Space+drag or middle button), split-divider drag, object move /
 * corner scale / rotate, and mask painting. Drags change the document live and become one undo step on release.
 */
public final class CanvasInteraction {
    private final CanvasView canvas;
    private final EditorSession session;
    private final PreviewController preview;
    private boolean spaceDown;
    private Point2D panLast;
    private boolean draggingDivider;
    private PlacementGesture gesture;
    private BrushStroke stroke;

    public CanvasInteraction(CanvasView canvas) {
        this.canvas = canvas;
        this.session = canvas.session();
        this.preview = canvas.preview();
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> canvas.setPointer(null));
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    public void setSpaceDown(boolean down) {
        spaceDown = down;
        canvas.setCursor(down ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    private Point2D doc(MouseEvent e) {
        return canvas.viewTransform().toDocument(e.getX(), e.getY());
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        canvas.viewTransform().zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        canvas.zoomChanged();
        e.consume();
    }

    private void moved(MouseEvent e) {
        canvas.setPointer(doc(e));
        updateCursor(e);
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        canvas.setPointer(doc(e));
        if (e.getButton() == MouseButton.MIDDLE || (spaceDown && e.getButton() == MouseButton.PRIMARY)) {
            panLast = new Point2D(e.getX(), e.getY());
            canvas.setCursor(Cursor.CLOSED_HAND);
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (nearDivider(e)) {
            draggingDivider = true;
            return;
        }
        ObjectLayer layer = session.document().object().orElse(null);
        if (session.toolProperty().get() == Tool.MOVE) {
            boolean onHandles = layer != null
                    && new ObjectHandles(layer, canvas.viewTransform()).hit(e.getX(), e.getY()) != ObjectHandles.Hit.NONE;
            ObjectLayer hit = onHandles ? layer : LayerHitTest.topmostAt(session.document(), doc(e));
            if (hit != null) {
                session.document().select(hit);
                startGesture(e, hit);
            }
        } else if (layer != null) {
            startStroke(e, layer);
        }
    }

    private void startGesture(MouseEvent e, ObjectLayer layer) {
        ObjectHandles handles = new ObjectHandles(layer, canvas.viewTransform());
        PlacementGesture.Kind kind = switch (handles.hit(e.getX(), e.getY())) {
            case ROTATE -> PlacementGesture.Kind.ROTATE;
            case CORNER -> PlacementGesture.Kind.SCALE;
            case BODY -> PlacementGesture.Kind.MOVE;
            case NONE -> null;
        };
        if (kind != null) {
            gesture = new PlacementGesture(kind, layer.placement(), doc(e), layer.width(), layer.height(),
                    Math.max(0, handles.cornerAt(e.getX(), e.getY())));
            preview.interactingProperty().set(true);
        }
    }

    private void startStroke(MouseEvent e, ObjectLayer layer) {
        Placement p = layer.placement();
        double objectRadius = session.brushSizeProperty().get() / Math.sqrt(Math.abs(p.scaleX() * p.scaleY()));
        BrushSettings brush = new BrushSettings(
                Math.max(BrushSettings.MIN_RADIUS, Math.min(BrushSettings.MAX_RADIUS, objectRadius)),
                session.brushHardnessProperty().get(), session.toolProperty().get() == Tool.ERASER);
        stroke = new BrushStroke(layer, brush);
        preview.interactingProperty().set(true);
        paintTo(e, layer);
    }

    private void paintTo(MouseEvent e, ObjectLayer layer) {
        Point2D d = doc(e);
        double[] o = layer.objectToBackground().inverse().apply(d.getX(), d.getY());
        PixelRect changed = stroke.lineTo(o[0], o[1]);
        if (!changed.isEmpty()) {
            session.document().maskEdited(changed);
        }
    }

    private void dragged(MouseEvent e) {
        canvas.setPointer(doc(e));
        if (panLast != null) {
            canvas.viewTransform().panBy(e.getX() - panLast.getX(), e.getY() - panLast.getY());
            panLast = new Point2D(e.getX(), e.getY());
            canvas.repaint();
        } else if (draggingDivider) {
            double f = e.getX() / Math.max(1, canvas.getWidth());
            session.view().splitPositionProperty().set(Math.max(0.02, Math.min(0.98, f)));
        } else if (gesture != null) {
            session.document().setPlacement(gesture.update(doc(e), e.isShiftDown()));
        } else if (stroke != null) {
            session.document().object().ifPresent(layer -> paintTo(e, layer));
        }
    }

    private void released(MouseEvent e) {
        if (panLast != null) {
            panLast = null;
            canvas.setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
            return;
        }
        draggingDivider = false;
        if (gesture != null) {
            ObjectLayer moved = session.document().object().orElse(null);
            Placement end = moved == null ? gesture.start() : moved.placement();
            if (moved != null && !end.equals(gesture.start())) {
                session.record(ValueCommand.placement(moved, label(gesture.kind()), gesture.start(), end, null));
            }
            gesture = null;
            preview.interactionEnded();
        }
        if (stroke != null) {
            MaskStrokeCommand command = stroke.finish();
            stroke = null;
            if (command != null) {
                session.record(command);
            }
            preview.interactionEnded();
        }
    }

    private static String label(PlacementGesture.Kind kind) {
        return switch (kind) {
            case MOVE -> "Move object";
            case SCALE -> "Scale object";
            case ROTATE -> "Rotate object";
        };
    }

    private boolean nearDivider(MouseEvent e) {
        return session.view().splitViewProperty().get()
                && Math.abs(e.getX() - session.view().splitPositionProperty().get() * canvas.getWidth()) <= 8;
    }

    private void updateCursor(MouseEvent e) {
        if (spaceDown) {
            return;
        }
        if (nearDivider(e)) {
            canvas.setCursor(Cursor.H_RESIZE);
            return;
        }
        ObjectLayer layer = session.document().object().orElse(null);
        if (layer == null || session.toolProperty().get() != Tool.MOVE) {
            canvas.setCursor(layer == null ? Cursor.DEFAULT : Cursor.CROSSHAIR);
            return;
        }
        canvas.setCursor(switch (new ObjectHandles(layer, canvas.viewTransform()).hit(e.getX(), e.getY())) {
            case ROTATE -> Cursor.HAND;
            case CORNER -> Cursor.NE_RESIZE;
            case BODY -> Cursor.MOVE;
            case NONE -> Cursor.DEFAULT;
        });
    }
}
