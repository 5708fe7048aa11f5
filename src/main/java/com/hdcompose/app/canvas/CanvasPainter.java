package com.hdcompose.app.canvas;

import com.hdcompose.app.knn.KnnOverlayPainter;
import com.hdcompose.app.preview.PreviewSprite;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.app.session.KnnViewMode;
import com.hdcompose.app.session.Tool;
import com.hdcompose.app.session.ViewOptions;
import com.hdcompose.app.session.ViewTransform;
import com.hdcompose.engine.document.Affine2D;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.harmonize.KnnMap;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Affine;

/** Paints one frame of the canvas: background, object (harmonized or not), split view, overlays and handles. */
final class CanvasPainter {
    private static final Color WORKSPACE = Color.web("#1e1f22");
    private static final Color ACCENT = Color.web("#4da3ff");

    private final CanvasView canvasView;

    CanvasPainter(CanvasView canvasView) {
        this.canvasView = canvasView;
    }

    void paint(GraphicsContext gc) {
        double w = canvasView.canvas().getWidth();
        double h = canvasView.canvas().getHeight();
        gc.setTransform(new Affine());
        gc.setFill(WORKSPACE);
        gc.fillRect(0, 0, w, h);
        EditorSession session = canvasView.session();
        CompositionDocument doc = session.document();
        ViewTransform view = canvasView.viewTransform();
        ViewOptions options = session.view();
        gc.setImageSmoothing(view.zoom() < 2);
        withTransform(gc, view.documentToScreen(), () ->
                gc.drawImage(canvasView.layers().background(), 0, 0));
        java.util.Map<Long, PreviewSprite> sprites = canvasView.preview().spritesProperty().get();
        for (ObjectLayer each : doc.layers()) {
            if (each.visible()) {
                paintLayer(gc, each, sprites.get(each.id()), view, options, w, h);
            }
        }
        ObjectLayer layer = doc.object().orElse(null);
        if (layer != null) {
            PreviewSprite sprite = sprites.get(layer.id());
            if (options.maskOverlayProperty().get()) {
                withTransform(gc, view.documentToScreen().then(layer.objectToBackground()), () ->
                        gc.drawImage(canvasView.layers().maskOverlay(), 0, 0));
            }
            gc.setTransform(new Affine());
            paintKnn(gc, layer, sprite, options);
            if (session.toolProperty().get() == Tool.MOVE) {
                paintHandles(gc, new ObjectHandles(layer, view));
            } else {
                paintBrushCursor(gc, view, session);
            }
        }
        gc.setTransform(new Affine());
        if (options.splitViewProperty().get()) {
            paintDivider(gc, options.splitPositionProperty().get() * w, h);
        }
        if (options.flashOriginalProperty().get()) {
            badge(gc, "Original (unharmonized)", 12, 12);
        }
        if (canvasView.dropHint() != null) {
            paintDropHint(gc, w, h, canvasView.dropHint());
        }
    }

    /** One visible layer: harmonized where a preview exists (split view: raw left of the divider), else raw. */
    private void paintLayer(GraphicsContext gc, ObjectLayer layer, PreviewSprite sprite, ViewTransform view,
                            ViewOptions options, double w, double h) {
        boolean original = options.flashOriginalProperty().get() || sprite == null;
        if (options.splitViewProperty().get() && !original) {
            double split = options.splitPositionProperty().get() * w;
            clipped(gc, 0, 0, split, h, () -> paintRawObject(gc, layer, view));
            clipped(gc, split, 0, w - split, h, () -> paintHarmonized(gc, layer, view, sprite));
        } else if (original) {
            paintRawObject(gc, layer, view);
        } else {
            paintHarmonized(gc, layer, view, sprite);
        }
    }

    private void paintRawObject(GraphicsContext gc, ObjectLayer layer, ViewTransform view) {
        Image raw = canvasView.layers().object(layer);
        withTransform(gc, view.documentToScreen().then(layer.objectToBackground()), () -> gc.drawImage(raw, 0, 0));
    }

    private void paintHarmonized(GraphicsContext gc, ObjectLayer layer, ViewTransform view, PreviewSprite sprite) {
        Affine2D t = view.documentToScreen().then(sprite.followObject(layer.placement())).then(sprite.spriteToBackground());
        withTransform(gc, t, () -> gc.drawImage(sprite.image(), 0, 0));
    }

    private void paintKnn(GraphicsContext gc, ObjectLayer layer, PreviewSprite sprite, ViewOptions options) {
        KnnViewMode mode = options.knnModeProperty().get();
        if (mode == KnnViewMode.OFF) {
            return;
        }
        if (sprite == null || sprite.run().knn().isEmpty()) {
            badge(gc, sprite == null ? "Neighbour view: waiting for the first preview"
                    : "Neighbour view: the " + sprite.run().modelUsed() + " model reports no neighbours (HDNet does)",
                    12, 40);
            return;
        }
        CompositionDocument doc = canvasView.session().document();
        KnnMap map = sprite.run().knn().get();
        KnnOverlayPainter knn = new KnnOverlayPainter(canvasView.viewTransform(), doc.width(), doc.height(),
                map, sprite, layer.placement());
        if (mode == KnnViewMode.ALL) {
            knn.paintAll(gc);
            badge(gc, "All foreground cells · K = " + map.k() + " · orange = background cells used", 12, 40);
            return;
        }
        Point2D p = canvasView.pointer();
        int cell = p == null ? -1 : knn.foregroundCellAt(p);
        if (cell >= 0) {
            knn.paintPointer(gc, cell);
            badge(gc, "K = " + map.k() + " background cells matched to the cell under the pointer", 12, 40);
        } else {
            badge(gc, "Point at the object to see which background cells light it (K = "
                    + map.k() + ")", 12, 40);
        }
    }

    private void paintHandles(GraphicsContext gc, ObjectHandles handles) {
        gc.setStroke(ACCENT);
        gc.setLineWidth(1.2);
        gc.setLineDashes(6, 4);
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = handles.screenCorners[i].getX();
            ys[i] = handles.screenCorners[i].getY();
        }
        gc.strokePolygon(xs, ys, 4);
        gc.setLineDashes();
        gc.strokeLine(handles.topMiddle.getX(), handles.topMiddle.getY(),
                handles.rotateHandle.getX(), handles.rotateHandle.getY());
        double s = ObjectHandles.HANDLE_SIZE;
        for (Point2D c : handles.screenCorners) {
            gc.setFill(Color.WHITE);
            gc.fillRect(c.getX() - s / 2, c.getY() - s / 2, s, s);
            gc.strokeRect(c.getX() - s / 2, c.getY() - s / 2, s, s);
        }
        gc.setFill(Color.WHITE);
        gc.fillOval(handles.rotateHandle.getX() - s / 2, handles.rotateHandle.getY() - s / 2, s, s);
        gc.strokeOval(handles.rotateHandle.getX() - s / 2, handles.rotateHandle.getY() - s / 2, s, s);
    }

    private void paintBrushCursor(GraphicsContext gc, ViewTransform view, EditorSession session) {
        Point2D p = canvasView.pointer();
        if (p == null) {
            return;
        }
        Point2D s = view.toScreen(p.getX(), p.getY());
        double r = session.brushSizeProperty().get() * view.zoom();
        gc.setLineWidth(1);
        gc.setStroke(Color.BLACK);
        gc.strokeOval(s.getX() - r - 1, s.getY() - r - 1, 2 * r + 2, 2 * r + 2);
        gc.setStroke(session.toolProperty().get() == Tool.ERASER ? Color.web("#ff8080") : Color.WHITE);
        gc.strokeOval(s.getX() - r, s.getY() - r, 2 * r, 2 * r);
        double core = r * session.brushHardnessProperty().get();
        if (core > 2) {
            gc.setLineDashes(3, 3);
            gc.strokeOval(s.getX() - core, s.getY() - core, 2 * core, 2 * core);
            gc.setLineDashes();
        }
    }

    private void paintDivider(GraphicsContext gc, double x, double h) {
        gc.setStroke(Color.WHITE);
        gc.setLineWidth(2);
        gc.strokeLine(x, 0, x, h);
        gc.setFill(Color.WHITE);
        gc.fillOval(x - 11, h / 2 - 11, 22, 22);
        gc.setFill(Color.web("#333"));
        gc.fillPolygon(new double[] {x - 7, x - 2, x - 2}, new double[] {h / 2, h / 2 - 5, h / 2 + 5}, 3);
        gc.fillPolygon(new double[] {x + 7, x + 2, x + 2}, new double[] {h / 2, h / 2 - 5, h / 2 + 5}, 3);
        badge(gc, "Before", x - 70, h - 34);
        badge(gc, "After", x + 12, h - 34);
    }

    private void paintDropHint(GraphicsContext gc, double w, double h, String hint) {
        gc.setFill(Color.rgb(77, 163, 255, 0.18));
        gc.fillRect(0, 0, w, h);
        gc.setStroke(ACCENT);
        gc.setLineWidth(3);
        gc.setLineDashes(10, 6);
        gc.strokeRect(8, 8, w - 16, h - 16);
        gc.setLineDashes();
        gc.setFont(Font.font(null, FontWeight.BOLD, 18));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(Color.WHITE);
        gc.fillText(hint, w / 2, h / 2);
    }

    static void badge(GraphicsContext gc, String text, double x, double y) {
        gc.setFont(Font.font(12));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        double width = text.length() * 6.4 + 16;
        gc.setFill(Color.rgb(0, 0, 0, 0.6));
        gc.fillRoundRect(x, y, width, 22, 8, 8);
        gc.setFill(Color.WHITE);
        gc.fillText(text, x + 8, y + 11);
    }

    private static void withTransform(GraphicsContext gc, Affine2D t, Runnable draw) {
        gc.save();
        gc.setTransform(new Affine(t.a(), t.b(), t.c(), t.d(), t.e(), t.f()));
        draw.run();
        gc.restore();
    }

    private static void clipped(GraphicsContext gc, double x, double y, double w, double h, Runnable draw) {
        gc.save();
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.closePath();
        gc.clip();
        draw.run();
        gc.restore();
    }
}
