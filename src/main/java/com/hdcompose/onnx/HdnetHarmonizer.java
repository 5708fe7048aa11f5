package com.hdcompose.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.hdcompose.engine.harmonize.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.engine.harmonize.InputValidator;
import com.hdcompose.engine.harmonize.KnnMap;
import com.hdcompose.engine.harmonize.highres.ColorTransfer;
import com.hdcompose.engine.harmonize.highres.ColorTransferFits;
import com.hdcompose.engine.harmonize.highres.HighResRenderer;
import com.hdcompose.engine.harmonize.highres.LowResPair;
import com.hdcompose.engine.harmonize.highres.UpsampleFit;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskStats;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HDNet / HDNet-lite on ONNX Runtime: runs the network at the working resolution with dynamic shapes, then carries
 * its colour change to full resolution with the chosen {@link HighResMode} and blends with the soft mask.
 */
public final class HdnetHarmonizer implements Harmonizer {
    static final List<String> INPUTS = List.of("composite", "mask", "k");
    static final List<String> OUTPUTS = List.of("harmonized", "knn_index", "knn_weight");
    /** Largest image the network is run on directly in {@link HighResMode#FULL_SIZE} (LD memory grows as N²). */
    public static final long FULL_SIZE_MAX_PIXELS = 1024L * 1024;

    private final String id;
    private final String fileName;
    private final OrtSession session;

    public HdnetHarmonizer(String id, String fileName, OrtSession session) {
        this.id = id;
        this.fileName = fileName;
        this.session = session;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public HarmonizeResult harmonize(ManagedMat composite, ManagedMat mask, HarmonizeOptions options,
                                     CancellationToken cancel) {
        long start = System.nanoTime();
        MaskStats stats = InputValidator.validate(composite, mask);
        if (stats.isEmpty()) {
            return InputValidator.unchanged(composite, id, start);
        }
        cancel.throwIfCancelled();
        WorkingImage work = prepare(composite, mask, options);
        long inferStart = System.nanoTime();
        Outputs out = infer(work, options.k(), cancel);
        long inferMillis = (System.nanoTime() - inferStart) / 1_000_000;
        LowResPair pair = work.pair(out.harmonized());
        boolean sameSize = pair.width() == composite.width() && pair.height() == composite.height();
        ColorTransfer transfer = (sameSize ? new UpsampleFit(false) : ColorTransferFits.forMode(options.highRes()))
                .fit(pair);
        cancel.throwIfCancelled();
        ManagedMat image = HighResRenderer.render(composite, mask, transfer, options.strength());
        KnnMap knn = new KnnMap(work.width() / 8, work.height() / 8, options.k(), out.knnIndex(), out.knnWeight(),
                work.foregroundCells());
        long total = (System.nanoTime() - start) / 1_000_000;
        return new HarmonizeResult(image, Optional.of(knn), List.of(), id, inferMillis, total);
    }

    private static WorkingImage prepare(ManagedMat composite, ManagedMat mask, HarmonizeOptions options) {
        if (options.highRes() != HighResMode.FULL_SIZE) {
            return WorkingImage.resized(composite, mask, options.workingSize());
        }
        long pixels = (long) composite.width() * composite.height();
        if (pixels > FULL_SIZE_MAX_PIXELS) {
            throw HarmonizeException.badInput("full-size mode is limited to " + FULL_SIZE_MAX_PIXELS / 1_000_000.0
                    + " megapixels; this image has " + String.format("%.1f", pixels / 1e6));
        }
        return WorkingImage.padded(composite, mask);
    }

    /** The network's outputs as flat arrays. */
    record Outputs(float[] harmonized, long[] knnIndex, float[] knnWeight) {
    }

    /** Runs the network on {@code work}; exposed for the parity test. */
    Outputs infer(WorkingImage work, int k, CancellationToken cancel) {
        long h = work.height();
        long w = work.width();
        var env = OrtSessions.environment();
        try (OnnxTensor comp = OnnxTensor.createTensor(env, FloatBuffer.wrap(work.composite()), new long[] {1, 3, h, w});
             OnnxTensor msk = OnnxTensor.createTensor(env, FloatBuffer.wrap(work.mask()), new long[] {1, 1, h, w});
             OnnxTensor kk = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {k}), new long[] {1});
             OrtSession.Result result = CancellableRun.run(session, Map.of("composite", comp, "mask", msk, "k", kk),
                     cancel, fileName)) {
            float[] harmonized = floats(result, "harmonized");
            long[] index = longs(result, "knn_index");
            float[] weight = floats(result, "knn_weight");
            return new Outputs(harmonized, index, weight);
        } catch (OrtException e) {
            throw HarmonizeException.internal("model " + fileName + " returned unreadable outputs: " + e.getMessage(), e);
        }
    }

    private static float[] floats(OrtSession.Result result, String name) {
        FloatBuffer b = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    private static long[] longs(OrtSession.Result result, String name) {
        LongBuffer b = ((OnnxTensor) result.get(name).orElseThrow()).getLongBuffer();
        long[] out = new long[b.remaining()];
        b.get(out);
        return out;
    }

    @Override
    public void close() {
        OrtSessions.closeQuietly(session);
    }
}
