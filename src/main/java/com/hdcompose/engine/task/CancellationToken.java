package com.hdcompose.engine.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lets a newer request stop a stale run: long work polls it, and native runs register a hook to abort. */
public final class CancellationToken {
    private volatile boolean cancelled;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable hook : hooks) {
            hook.run();
        }
    }

    /** Runs {@code hook} when cancelled (at once if already cancelled). Returns a handle that unregisters it. */
    public Runnable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    /** Throws {@link CancelledException} if cancelled. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
