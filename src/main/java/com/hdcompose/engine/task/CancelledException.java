package com.hdcompose.engine.task;

import com.hdcompose.engine.error.HarmonizeException;

/** Thrown when a {@link CancellationToken} stops a run; a CANCELLED {@link HarmonizeException}, so callers stay simple. */
public final class CancelledException extends HarmonizeException {
    public CancelledException() {
        super(Kind.CANCELLED, "cancelled");
    }

    public CancelledException(Throwable cause) {
        super(Kind.CANCELLED, "cancelled", cause);
    }
}
