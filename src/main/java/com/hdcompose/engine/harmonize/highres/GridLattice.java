package com.hdcompose.engine.harmonize.highres;

/**
 * A lattice of {@code nx × ny} nodes spread over a normalised box; a position is shared among the four corners of
 * its cell with bilinear weights, used both to splat samples while fitting and to interpolate when applying.
 */
final class GridLattice {
    final int nx;
    final int ny;
    private final float u0;
    private final float v0;
    private final float du;
    private final float dv;

    /** {@code cells} cells per side over {@code box} = {u0, v0, u1, v1}. */
    GridLattice(float[] box, int cells) {
        this.nx = cells + 1;
        this.ny = cells + 1;
        this.u0 = box[0];
        this.v0 = box[1];
        this.du = Math.max(1e-6f, box[2] - box[0]) / cells;
        this.dv = Math.max(1e-6f, box[3] - box[1]) / cells;
    }

    int nodeCount() {
        return nx * ny;
    }

    /** The cell holding (u, v), clamped to the box. */
    Cell cell(float u, float v) {
        float gx = gridX(u);
        float gy = gridY(v);
        int x0 = Math.min((int) gx, nx - 2);
        int y0 = Math.min((int) gy, ny - 2);
        return new Cell(y0 * nx + x0, nx, gx - x0, gy - y0);
    }

    /** Horizontal lattice coordinate of {@code u}, clamped to 0..nx−1. */
    float gridX(float u) {
        return clamp((u - u0) / du, nx - 1);
    }

    /** Vertical lattice coordinate of {@code v}, clamped to 0..ny−1. */
    float gridY(float v) {
        return clamp((v - v0) / dv, ny - 1);
    }

    /** A lattice cell: its top-left node, the lattice row stride and the position's offsets inside the cell. */
    record Cell(int topLeft, int stride, float fx, float fy) {
        /** Corner {@code k} (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right). */
        int node(int k) {
            return topLeft + (k & 1) + (k >> 1) * stride;
        }

        /** Bilinear weight of corner {@code k}. */
        float weight(int k) {
            return ((k & 1) == 0 ? 1 - fx : fx) * ((k >> 1) == 0 ? 1 - fy : fy);
        }
    }

    private static float clamp(float g, int max) {
        return g < 0 ? 0 : Math.min(g, max);
    }
}
