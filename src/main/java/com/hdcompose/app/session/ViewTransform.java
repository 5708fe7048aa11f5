package com.hdcompose.app.session;

import com.hdcompose.engine.document.Affine2D;
import javafx.geometry.Point2D;

/** Zoom and pan of the canvas: screen = zoom · document + offset. */
public final class ViewTransform {
    public static final double MIN_ZOOM = 0.02;
    public static final double MAX_ZOOM = 32;

    private double zoom = 1;
    private double offsetX;
    private double offsetY;

    public double zoom() {
        return zoom;
    }

    public Point2D toScreen(double docX, double docY) {
        return new Point2D(docX * zoom + offsetX, docY * zoom + offsetY);
    }

    public Point2D toDocument(double screenX, double screenY) {
        return new Point2D((screenX - offsetX) / zoom, (screenY - offsetY) / zoom);
    }

    public Affine2D documentToScreen() {
        return new Affine2D(zoom, 0, offsetX, 0, zoom, offsetY);
    }

    /** Fits a document of the given size into the viewport with a margin, centred. */
    public void fit(double viewWidth, double viewHeight, int docWidth, int docHeight) {
        double margin = 24;
        double z = Math.min((viewWidth - 2 * margin) / docWidth, (viewHeight - 2 * margin) / docHeight);
        zoom = clamp(z > 0 ? z : 1);
        centre(viewWidth, viewHeight, docWidth, docHeight);
    }

    /** 100 %: one document pixel per screen pixel, centred. */
    public void actualSize(double viewWidth, double viewHeight, int docWidth, int docHeight) {
        zoom = 1;
        centre(viewWidth, viewHeight, docWidth, docHeight);
    }

    /** Multiplies the zoom by {@code factor}, keeping the document point under (screenX, screenY) in place. */
    public void zoomAt(double factor, double screenX, double screenY) {
        Point2D anchor = toDocument(screenX, screenY);
        zoom = clamp(zoom * factor);
        offsetX = screenX - anchor.getX() * zoom;
        offsetY = screenY - anchor.getY() * zoom;
    }

    public void panBy(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    private void centre(double viewWidth, double viewHeight, int docWidth, int docHeight) {
        offsetX = (viewWidth - docWidth * zoom) / 2;
        offsetY = (viewHeight - docHeight * zoom) / 2;
    }

    private static double clamp(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }
}
