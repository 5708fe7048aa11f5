package com.hdcompose.engine.harmonize;

/**
 * Which background cells HDNet's local dynamic module matched to each bottleneck cell, and with what weight.
 * Cells are numbered row-major on a {@code gridWidth × gridHeight} grid (1/8 of the working resolution);
 * only entries of foreground cells are meaningful.
 */
public record KnnMap(int gridWidth, int gridHeight, int k, long[] index, float[] weight, boolean[] foreground) {
    public KnnMap {
        int n = gridWidth * gridHeight;
        if (index.length != n * k || weight.length != n * k || foreground.length != n) {
            throw new IllegalArgumentException("knn arrays do not match a " + gridWidth + "x" + gridHeight + " grid with k=" + k);
        }
    }

    public int cellCount() {
        return gridWidth * gridHeight;
    }

    /** Background cell matched as the {@code j}-th neighbour of {@code cell}. */
    public int neighbour(int cell, int j) {
        return (int) index[cell * k + j];
    }

    public float weight(int cell, int j) {
        return weight[cell * k + j];
    }

    public boolean isForeground(int cell) {
        return foreground[cell];
    }
}
