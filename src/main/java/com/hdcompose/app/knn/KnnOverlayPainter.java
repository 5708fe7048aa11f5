package com.hdcompose.app.knn;

import com.hdcompose.app.preview.PreviewSprite;
import com.hdcompose.app.session.ViewTransform;
import com.hdcompose.engine.document.Affine2D;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.harmonize.KnnMap;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws what HDNet's local dynamic module matched: for the foreground cell under the pointer, lines to its K
 * background cells with their weights; or, for all foreground cells, a heat map of how much each background cell
 * is used. Cells live on the model's 1/8-resolution grid; foreground cells follow the object as it moves.
 */
public final class KnnOverlayPainter {
    private static final Color FG = Color.web("#38d9ff");
    private static final Color BG = Color.web("#ffab2e");

    private final ViewTransform view;
    private final int docWidth;
    private final int docHeight;
    private final KnnMap knn;
    private final Affine2D follow;

    public KnnOverlayPainter(ViewTransform view, int docWidth, int docHeight, KnnMap knn, PreviewSprite sprite,
                      Placement now) {
        this.view = view;
        this.docWidth = docWidth;
        this.docHeight = docHeight;
        this.knn = knn;
        this.follow = sprite.followObject(now);
    }

    /** The foreground cell under a document point (current placement), or -1. */
    public int foregroundCellAt(Point2D doc) {
        double[] then = follow.inverse().apply(doc.getX(), doc.getY());
        int gx = (int) Math.floor(then[0] / cellWidth());
        int gy = (int) Math.floor(then[1] / cellHeight());
        if (gx < 0 || gy < 0 || gx >= knn.gridWidth() || gy >= knn.gridHeight()) {
            return -1;
        }
        int cell = gy * knn.gridWidth() + gx;
        return knn.isForeground(cell) ? cell : -1;
    }

    public void paintPointer(GraphicsContext gc, int cell) {
        float maxW = 0;
        for (int j = 0; j < knn.k(); j++) {
            maxW = Math.max(maxW, knn.weight(cell, j));
        }
        Point2D from = fgCentre(cell);
        gc.setFont(Font.font(11));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (int j = knn.k() - 1; j >= 0; j--) {
            int nb = knn.neighbour(cell, j);
            if (nb < 0 || nb >= knn.cellCount()) {
                continue;
            }
            double w = knn.weight(cell, j);
            double rel = maxW > 0 ? w / maxW : 0;
            double[] r = bgCellScreen(nb);
            gc.setFill(BG.deriveColor(0, 1, 1, 0.25 + 0.5 * rel));
            gc.fillRect(r[0], r[1], r[2], r[3]);
            gc.setStroke(BG);
            gc.setLineWidth(1.5);
            gc.strokeRect(r[0], r[1], r[2], r[3]);
            gc.setStroke(Color.WHITE.deriveColor(0, 1, 1, 0.5 + 0.5 * rel));
            gc.setLineWidth(1 + 3 * rel);
            gc.strokeLine(from.getX(), from.getY(), r[0] + r[2] / 2, r[1] + r[3] / 2);
            label(gc, String.format("%d%%", Math.round(w * 100)), r[0] + r[2] / 2, r[1] - 9);
        }
        outlineFgCell(gc, cell, FG, 2.5);
    }

    public void paintAll(GraphicsContext gc) {
        double[] usage = new double[knn.cellCount()];
        double max = 0;
        for (int c = 0; c < knn.cellCount(); c++) {
            if (!knn.isForeground(c)) {
                continue;
            }
            for (int j = 0; j < knn.k(); j++) {
                int nb = knn.neighbour(c, j);
                if (nb >= 0 && nb < usage.length) {
                    usage[nb] += knn.weight(c, j);
                    max = Math.max(max, usage[nb]);
                }
            }
        }
        for (int c = 0; c < usage.length; c++) {
            if (usage[c] > 0) {
                double[] r = bgCellScreen(c);
                gc.setFill(BG.deriveColor(0, 1, 1, 0.15 + 0.7 * usage[c] / max));
                gc.fillRect(r[0], r[1], r[2], r[3]);
            }
        }
        int fgCount = 0;
        for (int c = 0; c < knn.cellCount(); c++) {
            fgCount += knn.isForeground(c) ? 1 : 0;
        }
        int stride = Math.max(1, (int) Math.round(Math.sqrt(fgCount / 60.0)));
        gc.setLineWidth(1);
        for (int c = 0; c < knn.cellCount(); c++) {
            int gx = c % knn.gridWidth();
            int gy = c / knn.gridWidth();
            if (!knn.isForeground(c)) {
                continue;
            }
            outlineFgCell(gc, c, FG.deriveColor(0, 1, 1, 0.35), 1);
            if (gx % stride == 0 && gy % stride == 0) {
                Point2D from = fgCentre(c);
                double[] r = bgCellScreen(knn.neighbour(c, 0));
                gc.setStroke(FG.deriveColor(0, 1, 1, 0.7));
                gc.strokeLine(from.getX(), from.getY(), r[0] + r[2] / 2, r[1] + r[3] / 2);
            }
        }
    }

    private void label(GraphicsContext gc, String text, double x, double y) {
        gc.setFill(Color.rgb(0, 0, 0, 0.65));
        gc.fillRoundRect(x - 17, y - 8, 34, 16, 6, 6);
        gc.setFill(Color.WHITE);
        gc.fillText(text, x, y);
    }

    private void outlineFgCell(GraphicsContext gc, int cell, Color color, double width) {
        int gx = cell % knn.gridWidth();
        int gy = cell / knn.gridWidth();
        double[] xs = new double[4];
        double[] ys = new double[4];
        double[][] corners = {{gx, gy}, {gx + 1, gy}, {gx + 1, gy + 1}, {gx, gy + 1}};
        for (int i = 0; i < 4; i++) {
            double[] d = follow.apply(corners[i][0] * cellWidth(), corners[i][1] * cellHeight());
            Point2D s = view.toScreen(d[0], d[1]);
            xs[i] = s.getX();
            ys[i] = s.getY();
        }
        gc.setStroke(color);
        gc.setLineWidth(width);
        gc.strokePolygon(xs, ys, 4);
    }

    private Point2D fgCentre(int cell) {
        int gx = cell % knn.gridWidth();
        int gy = cell / knn.gridWidth();
        double[] d = follow.apply((gx + 0.5) * cellWidth(), (gy + 0.5) * cellHeight());
        return view.toScreen(d[0], d[1]);
    }

    private double[] bgCellScreen(int cell) {
        int gx = cell % knn.gridWidth();
        int gy = cell / knn.gridWidth();
        Point2D a = view.toScreen(gx * cellWidth(), gy * cellHeight());
        Point2D b = view.toScreen((gx + 1) * cellWidth(), (gy + 1) * cellHeight());
        return new double[] {a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY()};
    }

    private double cellWidth() {
        return (double) docWidth / knn.gridWidth();
    }

    private double cellHeight() {
        return (double) docHeight / knn.gridHeight();
    }
}
