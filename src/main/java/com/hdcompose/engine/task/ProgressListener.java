package com.hdcompose.engine.task;

/** Receives progress (0..1, or negative for indeterminate) and a short status message. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (fraction, message) -> { };

    void update(double fraction, String message);
}
