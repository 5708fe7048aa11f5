package com.hdcompose.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.InputValidator;
import com.hdcompose.engine.harmonize.KnnMap;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The frame shared by the ONNX-backed harmonizers: input checks, timing, cancellable session runs, cleanup. */
abstract class OnnxHarmonizer implements Harmonizer {
    private final String id;
    private final String fileName;
    private final OrtSession session;

    OnnxHarmonizer(String id, String fileName, OrtSession session) {
        this.id = id;
        this.fileName = fileName;
        this.session = session;
    }

    @Override
    public String id() {
        return id;
    }

    OrtSession session() {
        return session;
    }

    /** What a model produced at full resolution. */
    record Rendered(ManagedMat image, Optional<KnnMap> knn, long inferenceMillis) {
    }

    /** Runs the model on valid, non-empty input and renders the full-resolution result. */
    abstract Rendered render(ManagedMat composite, ManagedMat mask, HarmonizeOptions options, CancellationToken cancel);

    @Override
    public final HarmonizeResult harmonize(ManagedMat composite, ManagedMat mask, HarmonizeOptions options,
                                           CancellationToken cancel) {
        long start = System.nanoTime();
        if (InputValidator.validate(composite, mask).isEmpty()) {
            return InputValidator.unchanged(composite, id, start);
        }
        cancel.throwIfCancelled();
        Rendered r = render(composite, mask, options, cancel);
        long total = (System.nanoTime() - start) / 1_000_000;
        return new HarmonizeResult(r.image(), r.knn(), List.of(), id, r.inferenceMillis(), total);
    }

    /** Reads what is needed from a run's outputs while they are still open. */
    @FunctionalInterface
    interface OutputReader<T> {
        T read(OrtSession.Result result) throws OrtException;
    }

    /** Runs the session on {@code work} (plus {@code k} when not null) and reads the outputs with {@code reader}. */
    <T> T run(WorkingImage work, Long k, CancellationToken cancel, OutputReader<T> reader) {
        long h = work.height();
        long w = work.width();
        var env = OrtSessions.environment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("composite", OnnxTensor.createTensor(env, FloatBuffer.wrap(work.composite()), new long[] {1, 3, h, w}));
            inputs.put("mask", OnnxTensor.createTensor(env, FloatBuffer.wrap(work.mask()), new long[] {1, 1, h, w}));
            if (k != null) {
                inputs.put("k", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {k}), new long[] {1}));
            }
            try (OrtSession.Result result = CancellableRun.run(session, inputs, cancel, fileName)) {
                return reader.read(result);
            }
        } catch (OrtException e) {
            throw HarmonizeException.internal("model " + fileName + " returned unreadable outputs: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The float output {@code name} as a flat array (the copy ONNX Runtime makes, without copying it again). */
    static float[] floats(OrtSession.Result result, String name) {
        FloatBuffer b = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
        if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.array().length == b.remaining()) {
            return b.array();
        }
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    /** The int64 output {@code name} as a flat array (the copy ONNX Runtime makes, without copying it again). */
    static long[] longs(OrtSession.Result result, String name) {
        LongBuffer b = ((OnnxTensor) result.get(name).orElseThrow()).getLongBuffer();
        if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.array().length == b.remaining()) {
            return b.array();
        }
        long[] out = new long[b.remaining()];
        b.get(out);
        return out;
    }

    String fileName() {
        return fileName;
    }

    @Override
    public void close() {
        OrtSessions.closeQuietly(session);
    }
}
