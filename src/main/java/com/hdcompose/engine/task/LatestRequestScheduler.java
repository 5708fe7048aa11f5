package com.hdcompose.engine.task;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Newest request wins: a submitted task replaces the previous one. A previous task that has not started yet is
 * cancelled; one that is running is cancelled when it {@linkplain Request#yieldsToNewer yields to newer requests}
 * (full refinements), or left to finish when it does not (quick drag previews, so a drag still shows updates).
 * A debounce delay holds a request back until no newer one arrives for that long.
 */
public final class LatestRequestScheduler implements AutoCloseable {
    /** One request: the task, how long to wait for a newer one, and whether a newer one may stop it mid-run. */
    public record Request(BackgroundTask<?> task, long debounceMillis, boolean yieldsToNewer) {
    }

    private final TaskExecutor executor;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private Request latest;
    private ScheduledFuture<?> pendingStart;
    private long generation;

    public LatestRequestScheduler(TaskExecutor executor) {
        this.executor = executor;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hdcompose-debounce");
            t.setDaemon(true);
            return t;
        });
    }

    /** Submits {@code request}, cancelling stale work as described in the class comment. */
    public void submit(Request request) {
        long gen;
        synchronized (lock) {
            if (pendingStart != null) {
                pendingStart.cancel(false);
                pendingStart = null;
            }
            retire(latest);
            latest = request;
            gen = ++generation;
            if (request.debounceMillis() > 0) {
                pendingStart = timer.schedule(() -> start(request, gen), request.debounceMillis(), TimeUnit.MILLISECONDS);
                return;
            }
        }
        executor.execute(request.task());
    }

    public void submit(BackgroundTask<?> task, long debounceMillis, boolean yieldsToNewer) {
        submit(new Request(task, debounceMillis, yieldsToNewer));
    }

    /** Cancels whatever is pending or running. */
    public void cancelAll() {
        synchronized (lock) {
            if (pendingStart != null) {
                pendingStart.cancel(false);
                pendingStart = null;
            }
            if (latest != null) {
                latest.task().cancel();
            }
            latest = null;
            generation++;
        }
    }

    /** True if {@code task} is the most recently submitted one. */
    public boolean isLatest(BackgroundTask<?> task) {
        synchronized (lock) {
            return latest != null && latest.task() == task;
        }
    }

    private void retire(Request previous) {
        if (previous == null) {
            return;
        }
        if (!previous.task().isStarted() || previous.yieldsToNewer()) {
            previous.task().cancel();
        }
    }

    private void start(Request request, long gen) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            pendingStart = null;
        }
        executor.execute(request.task());
    }

    @Override
    public void close() {
        cancelAll();
        timer.shutdownNow();
    }
}
