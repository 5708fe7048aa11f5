package com.hdcompose.engine.task;

/** Runs {@link BackgroundTask}s somewhere and delivers their callbacks where the caller expects them. */
public interface TaskExecutor extends AutoCloseable {
    /** Starts the task; returns at once for asynchronous executors. */
    <T> void execute(BackgroundTask<T> task);

    @Override
    default void close() {
    }
}
