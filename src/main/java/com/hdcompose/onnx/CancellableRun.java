package com.hdcompose.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.task.CancellationToken;
import com.hdcompose.engine.task.CancelledException;
import java.util.Map;

/** Runs a session with RunOptions whose terminate flag is raised by a {@link CancellationToken}. */
final class CancellableRun {
    private CancellableRun() {
    }

    /** The session's outputs; a cancelled run throws {@link CancelledException}. */
    static OrtSession.Result run(OrtSession session, Map<String, OnnxTensor> inputs, CancellationToken cancel,
                                 String modelName) {
        cancel.throwIfCancelled();
        Object lock = new Object();
        boolean[] closed = {false};
        try (OrtSession.RunOptions options = new OrtSession.RunOptions()) {
            Runnable unregister = cancel.onCancel(() -> {
                synchronized (lock) {
                    if (!closed[0]) {
                        terminate(options);
                    }
                }
            });
            try {
                return session.run(inputs, options);
            } catch (OrtException e) {
                if (cancel.isCancelled()) {
                    throw new CancelledException(e);
                }
                throw HarmonizeException.internal("model " + modelName + " failed to run: "
                        + firstLine(e.getMessage()), e);
            } finally {
                unregister.run();
                synchronized (lock) {
                    closed[0] = true;
                }
            }
        } catch (OrtException e) {
            throw HarmonizeException.internal("model " + modelName + " failed to run: " + firstLine(e.getMessage()), e);
        }
    }

    private static void terminate(OrtSession.RunOptions options) {
        try {
            options.setTerminate(true);
        } catch (OrtException ignored) {
            // the run is finishing anyway
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
