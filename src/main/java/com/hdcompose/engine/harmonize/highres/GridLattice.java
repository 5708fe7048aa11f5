package com.hdcompose.engine.harmonize.highres;

/**
 * A lattice of {@code nx × ny} nodes spread over a normalised box; a position is shared among its four nearest
 * nodes with bilinear weights, used both to splat samples while fitting and to interpolate when applying.
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

    /** Lattice column coordinate of {@code u}, clamped to the box. */
    float gx(float u) {
        return clamp((u - u0) / du, nx - 1);
    }

    /** Lattice row coordinate of {@code v}, clamped to the box. */
    float gy(float v) {
        return clamp((v - v0) / dv, ny - 1);
    }

    /** Fills the 4 node indices and bilinear weights for position (u, v), clamped to the box. */
    void locate(float u, float v, int[] nodes, float[] weights) {
        float gx = gx(u);
        float gy = gy(v);
        int x0 = Math.min((int) gx, nx - 2);
        int y0 = Math.min((int) gy, ny - 2);
        float fx = gx - x0;
        float fy = gy - y0;
        nodes[0] = y0 * nx + x0;
        nodes[1] = nodes[0] + 1;
        nodes[2] = nodes[0] + nx;
        nodes[3] = nodes[2] + 1;
        weights[0] = (1 - fx) * (1 - fy);
        weights[1] = fx * (1 - fy);
        weights[2] = (1 - fx) * fy;
        weights[3] = fx * fy;
    }

    private static float clamp(float g, int max) {
        return g < 0 ? 0 : Math.min(g, max);
    }
}
