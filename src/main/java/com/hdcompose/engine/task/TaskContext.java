package com.hdcompose.engine.task;

/** What running work sees of its task: the cancellation token and a way to report progress. */
public record TaskContext(CancellationToken token, ProgressListener listener) {
    public void progress(double fraction, String message) {
        listener.update(Math.max(0, Math.min(1, fraction)), message);
    }

    public void checkCancelled() {
        token.throwIfCancelled();
    }
}
