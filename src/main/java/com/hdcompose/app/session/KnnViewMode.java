package com.hdcompose.app.session;

/** How much of HDNet's neighbour matching the canvas shows: nothing, the cell under the pointer, or all cells. */
public enum KnnViewMode { OFF, POINTER, ALL }
