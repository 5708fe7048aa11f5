package com.hdcompose.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.hdcompose.engine.error.HarmonizeException;
import java.nio.file.Path;
import java.util.List;

/** Opens ONNX Runtime sessions on the one shared environment, tuned for CPU inference, checking the I/O contract. */
public final class OrtSessions {
    public static final String THREADS_PROPERTY = "hdcompose.ort.threads";
    /** {@code true} lets idle intra-op threads spin (ONNX Runtime's default); off by default, see {@link #spinning()}. */
    public static final String SPINNING_PROPERTY = "hdcompose.ort.spinning";
    private OrtSessions() {
    }

    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /**
     * Loads {@code file}; a file ONNX Runtime cannot parse, or one lacking the named inputs/outputs, is reported as
     * "model NAME is corrupt (...)" / "model NAME does not follow the model contract (...)".
     */
    public static OrtSession open(Path file, List<String> inputs, List<String> outputs) {
        String name = file.getFileName().toString();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads());
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setMemoryPatternOptimization(true);
            options.addConfigEntry("session.intra_op.allow_spinning", spinning() ? "1" : "0");
            session = environment().createSession(file.toString(), options);
        } catch (OrtException e) {
            throw HarmonizeException.internal("model " + name + " is corrupt (not a loadable ONNX model)", e);
        }
        try {
            for (String in : inputs) {
                if (!session.getInputNames().contains(in)) {
                    throw contract(name, "no input '" + in + "'");
                }
            }
            for (String out : outputs) {
                if (!session.getOutputNames().contains(out)) {
                    throw contract(name, "no output '" + out + "'");
                }
            }
        } catch (HarmonizeException e) {
            closeQuietly(session);
            throw e;
        }
        return session;
    }

    /** Intra-op threads: system property {@code hdcompose.ort.threads}, else every available core. */
    public static int threads() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            return Math.max(1, Integer.getInteger(THREADS_PROPERTY, cores));
        } catch (SecurityException e) {
            return cores;
        }
    }

    /**
     * Whether idle intra-op threads busy-wait: off unless {@code -Dhdcompose.ort.spinning=true}. On 2 shared cores a
     * spinning worker competes with the run it waits for (measured: 40 ms vs 21 ms per HDNet-lite run at 256 under load).
     */
    public static boolean spinning() {
        try {
            return Boolean.getBoolean(SPINNING_PROPERTY);
        } catch (SecurityException e) {
            return false;
        }
    }

    private static HarmonizeException contract(String name, String what) {
        return HarmonizeException.internal("model " + name + " does not follow the model contract (" + what + ")", null);
    }

    static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException ignored) {
            // closing a session only frees memory
        }
    }
}
