package com.hdcompose.engine.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A UI-free unit of work with progress, message, cancellation and result callbacks; a {@link TaskExecutor} decides
 * on which threads the work and the callbacks run (the editor wraps it into a JavaFX task, tests run it in place).
 */
public final class BackgroundTask<T> {
    /** The work itself; it reports through the context and polls its cancellation token. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private final CancellationToken token = new CancellationToken();
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<? super Exception> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private ProgressListener progressListener = ProgressListener.NONE;
    private volatile boolean started;

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public String title() {
        return title;
    }

    public CancellationToken token() {
        return token;
    }

    /** True once a worker has begun running the work (even if it then found itself cancelled). */
    public boolean isStarted() {
        return started;
    }

    public void cancel() {
        token.cancel();
    }

    public boolean isCancelled() {
        return token.isCancelled();
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Exception> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable callback) {
        this.onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    /** Progress and message updates, called on the worker thread (executors re-dispatch them as needed). */
    public BackgroundTask<T> onProgress(ProgressListener listener) {
        this.progressListener = Objects.requireNonNull(listener);
        return this;
    }

    /** Runs the work on the calling thread with the given listener; executors call this from their worker. */
    public T runWork(ProgressListener listener) throws Exception {
        started = true;
        token.throwIfCancelled();
        return work.run(new TaskContext(token, listener));
    }

    public ProgressListener progressListener() {
        return progressListener;
    }

    /** Delivers the outcome: success, cancellation (also when the work threw after a cancel) or failure. */
    public void deliver(T result, Exception failure) {
        if (token.isCancelled()) {
            onCancelled.run();
        } else if (failure != null) {
            onFailure.accept(failure);
        } else {
            onSuccess.accept(result);
        }
    }
}
