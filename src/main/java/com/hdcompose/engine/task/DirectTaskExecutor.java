package com.hdcompose.engine.task;

/** Runs each task to completion on the calling thread; for the command line and for tests. */
public final class DirectTaskExecutor implements TaskExecutor {
    @Override
    public <T> void execute(BackgroundTask<T> task) {
        T result = null;
        Exception failure = null;
        try {
            result = task.runWork(task.progressListener());
        } catch (Exception e) {
            failure = e;
        }
        task.deliver(result, failure);
    }
}
