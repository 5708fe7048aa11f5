package com.hdcompose.engine.harmonize.highres;

/** A colour map that differs per lattice node; a pixel gets its cell's four node maps blended bilinearly. */
final class GridTransfer implements ColorTransfer {
    /** Channel {@code c} of node {@code node}'s colour map applied to (r, g, b). */
    @FunctionalInterface
    interface NodeMap {
        float at(int node, int c, float r, float g, float b);
    }

    private final GridLattice grid;
    private final NodeMap nodes;

    GridTransfer(GridLattice grid, NodeMap nodes) {
        this.grid = grid;
        this.nodes = nodes;
    }

    @Override
    public void map(float r, float g, float b, float u, float v, float[] out) {
        GridLattice.Cell cell = grid.cell(u, v);
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        for (int k = 0; k < 4; k++) {
            float w = cell.weight(k);
            int node = cell.node(k);
            for (int c = 0; c < 3; c++) {
                out[c] += w * nodes.at(node, c, r, g, b);
            }
        }
    }
}
