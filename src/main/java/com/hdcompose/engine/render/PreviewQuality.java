package com.hdcompose.engine.render;

/** QUICK runs at the working resolution (while dragging); FULL renders and harmonizes at background resolution. */
public enum PreviewQuality { QUICK, FULL }
