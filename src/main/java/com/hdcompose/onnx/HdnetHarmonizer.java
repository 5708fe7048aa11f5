package com.hdcompose.onnx;

import ai.onnxruntime.OrtSession;
import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.engine.harmonize.KnnMap;
import com.hdcompose.engine.harmonize.highres.ColorTransfer;
import com.hdcompose.engine.harmonize.highres.ColorTransferFits;
import com.hdcompose.engine.harmonize.highres.HighResRenderer;
import com.hdcompose.engine.harmonize.highres.LowResPair;
import com.hdcompose.engine.harmonize.highres.UpsampleFit;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.util.List;
import java.util.Optional;

/**
 * HDNet / HDNet-lite on ONNX Runtime: runs the network at the working resolution with dynamic shapes, then carries
 * its colour change to full resolution with the chosen {@link HighResMode} and blends with the soft mask.
 */
public final class HdnetHarmonizer extends OnnxHarmonizer {
    static final List<String> INPUTS = List.of("composite", "mask", "k");
    static final List<String> OUTPUTS = List.of("harmonized", "knn_index", "knn_weight");
    /** Largest image the network is run on directly in {@link HighResMode#FULL_SIZE}. */
    public static final long FULL_SIZE_MAX_PIXELS = 1024L * 1024;

    public HdnetHarmonizer(String id, String fileName, OrtSession session) {
        super(id, fileName, session);
    }

    @Override
    Rendered render(ManagedMat composite, ManagedMat mask, HarmonizeOptions options, CancellationToken cancel) {
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
        return new Rendered(image, Optional.of(knn), inferMillis);
    }

    /**
     * The network's input: resized to the working size, or at native size padded to multiples of 8 (and cropped back
     * afterwards) in full-size mode and for images smaller than the working size, which are never upscaled — so a
     * 9x7 or even 1x1 composite runs as a 16x8 or 8x8 one.
     */
    static WorkingImage prepare(ManagedMat composite, ManagedMat mask, HarmonizeOptions options) {
        boolean small = Math.max(composite.width(), composite.height()) < options.workingSize();
        if (options.highRes() != HighResMode.FULL_SIZE) {
            return small ? WorkingImage.padded(composite, mask) : WorkingImage.resized(composite, mask,
                    options.workingSize());
        }
        long pixels = (long) composite.width() * composite.height();
        if (pixels > FULL_SIZE_MAX_PIXELS) {
            throw HarmonizeException.badInput(String.format(java.util.Locale.ROOT,
                    "full-size mode is limited to %.1f megapixels; this image has %.1f",
                    FULL_SIZE_MAX_PIXELS / 1e6, pixels / 1e6));
        }
        return WorkingImage.padded(composite, mask);
    }

    /** The network's outputs as flat arrays. */
    record Outputs(float[] harmonized, long[] knnIndex, float[] knnWeight) {
    }

    /** Runs the network on {@code work}; exposed for the parity test. */
    Outputs infer(WorkingImage work, int k, CancellationToken cancel) {
        return run(work, (long) k, cancel, result -> new Outputs(floats(result, "harmonized"),
                longs(result, "knn_index"), floats(result, "knn_weight")));
    }
}
