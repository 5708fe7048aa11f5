package com.hdcompose.app.session;

/** The active canvas tool: move/scale/rotate the object, paint the mask, or erase it. */
public enum Tool { MOVE, BRUSH, ERASER }
