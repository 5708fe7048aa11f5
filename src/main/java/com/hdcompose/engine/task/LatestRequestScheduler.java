package com.hdcompose.engine.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Newest request wins: a submitted task replaces the previous one. A previous task that has not started yet is
 * cancelled; one that is running is cancelled when it {@linkplain Request#yieldsToNewer yields to newer requests}
 * (full refinements), or left to finish when it does not (quick drag previews, so a drag still shows updates).
 * A debounce delay holds a request back so that bursts of edits start one run per interval. Every submitted task
 * is eventually delivered (success, failure or cancelled) through the executor.
 */
public final class LatestRequestScheduler implements AutoCloseable {
    /** One request: the task, how long to wait for a newer one, and whether a newer one may stop it mid-run. */
    public record Request(BackgroundTask<?> task, long debounceMillis, boolean yieldsToNewer) {
    }

    private final TaskExecutor executor;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private Request latest;
    private boolean latestHanded;
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

    public void submit(BackgroundTask<?> task, long debounceMillis, boolean yieldsToNewer) {
        submit(new Request(task, debounceMillis, yieldsToNewer));
    }

    /**
     * Submits {@code request}, cancelling stale work as described in the class comment. A debounced request that
     * replaces a pending one keeps the pending start time when that comes sooner, so a continuous drag still starts
     * a run every debounce interval instead of waiting for the pointer to stop.
     */
    public void submit(Request request) {
        List<BackgroundTask<?>> flush = new ArrayList<>();
        boolean runNow = false;
        synchronized (lock) {
            retire(flush);
            latest = request;
            latestHanded = false;
            if (request.debounceMillis() > 0) {
                boolean keepTimer = pendingStart != null && !pendingStart.isDone()
                        && pendingStart.getDelay(TimeUnit.MILLISECONDS) <= request.debounceMillis();
                if (!keepTimer) {
                    cancelTimer();
                    long gen = ++generation;
                    pendingStart = timer.schedule(() -> startLatest(gen), request.debounceMillis(), TimeUnit.MILLISECONDS);
                }
            } else {
                cancelTimer();
                generation++;
                latestHanded = true;
                runNow = true;
            }
        }
        flush.forEach(executor::execute);
        if (runNow) {
            executor.execute(request.task());
        }
    }

    /** Cancels the latest request, whether pending or running (earlier non-yielding runs may still finish). */
    public void cancelAll() {
        List<BackgroundTask<?>> flush = new ArrayList<>();
        synchronized (lock) {
            cancelTimer();
            generation++;
            if (latest != null) {
                latest.task().cancel();
                if (!latestHanded) {
                    flush.add(latest.task());
                }
            }
            latest = null;
        }
        flush.forEach(executor::execute);
    }

    /** True if {@code task} is the most recently submitted one. */
    public boolean isLatest(BackgroundTask<?> task) {
        synchronized (lock) {
            return latest != null && latest.task() == task;
        }
    }

    private void retire(List<BackgroundTask<?>> flush) {
        if (latest == null) {
            return;
        }
        BackgroundTask<?> previous = latest.task();
        if (!previous.isStarted() || latest.yieldsToNewer()) {
            previous.cancel();
        }
        if (!latestHanded) {
            flush.add(previous);
        }
    }

    private void cancelTimer() {
        if (pendingStart != null) {
            pendingStart.cancel(false);
            pendingStart = null;
        }
    }

    private void startLatest(long gen) {
        Request request;
        synchronized (lock) {
            if (gen != generation || latest == null || latestHanded) {
                return;
            }
            pendingStart = null;
            latestHanded = true;
            request = latest;
        }
        executor.execute(request.task());
    }

    @Override
    public void close() {
        cancelAll();
        timer.shutdownNow();
    }
}
