package com.hdcompose.engine.document;

/** An axis-aligned pixel rectangle; {@code width} or {@code height} of 0 means empty. */
public record PixelRect(int x, int y, int width, int height) {
    public static final PixelRect EMPTY = new PixelRect(0, 0, 0, 0);

    public PixelRect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative rectangle size");
        }
    }

    /** The smallest rectangle containing the given (possibly fractional) bounds, rounded outwards. */
    public static PixelRect enclosing(double minX, double minY, double maxX, double maxY) {
        int x0 = (int) Math.floor(minX);
        int y0 = (int) Math.floor(minY);
        int x1 = (int) Math.ceil(maxX);
        int y1 = (int) Math.ceil(maxY);
        return new PixelRect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public int area() {
        return width * height;
    }

    public PixelRect union(PixelRect o) {
        if (isEmpty()) {
            return o;
        }
        if (o.isEmpty()) {
            return this;
        }
        int x0 = Math.min(x, o.x);
        int y0 = Math.min(y, o.y);
        int x1 = Math.max(x + width, o.x + o.width);
        int y1 = Math.max(y + height, o.y + o.height);
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    /** This rectangle clipped to {@code [0, w) × [0, h)}. */
    public PixelRect clip(int w, int h) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(w, x + width);
        int y1 = Math.min(h, y + height);
        if (x1 <= x0 || y1 <= y0) {
            return EMPTY;
        }
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }
}
