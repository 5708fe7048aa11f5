package com.hdcompose.app.fx;

import com.hdcompose.engine.task.BackgroundTask;
import com.hdcompose.engine.task.TaskExecutor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;

/**
 * Runs {@link BackgroundTask}s as JavaFX {@link Task}s on its own worker threads: the work never touches the FX
 * thread, while progress, messages and the success/failure/cancel callbacks are delivered on it.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);

    public FxTaskExecutor(String threadName, int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        submit(task);
    }

    /** Starts the task and returns the JavaFX view of it (for binding progress bars). */
    public <T> Task<T> submit(BackgroundTask<T> task) {
        Task<T> fx = new Task<>() {
            @Override
            protected T call() throws Exception {
                return task.runWork((fraction, message) -> {
                    updateProgress(fraction < 0 ? -1 : fraction, 1);
                    updateMessage(message);
                    task.progressListener().update(fraction, message);
                });
            }
        };
        fx.setOnSucceeded(e -> finish(task, fx.getValue(), null));
        fx.setOnFailed(e -> finish(task, null, asException(fx.getException())));
        fx.setOnCancelled(e -> finish(task, null, null));
        task.token().onCancel(() -> Platform.runLater(() -> fx.cancel(false)));
        running.set(running.get() + 1);
        pool.execute(fx);
        return fx;
    }

    /** Number of tasks submitted and not yet delivered. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    private <T> void finish(BackgroundTask<T> task, T value, Exception failure) {
        running.set(Math.max(0, running.get() - 1));
        task.deliver(value, failure);
    }

    private static Exception asException(Throwable t) {
        return t instanceof Exception e ? e : new RuntimeException(t);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
