package com.hdcompose.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.highres.HighResRenderer;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.util.List;
import java.util.Optional;

/**
 * S2CRNet on ONNX Runtime: predicts per-channel colour curves from a small thumbnail and applies them to the
 * full-resolution foreground as a lookup table, blended with the soft mask.
 */
public final class S2crnetHarmonizer extends OnnxHarmonizer {
    static final List<String> INPUTS = List.of("composite", "mask");
    static final List<String> OUTPUTS = List.of("curves");
    /**
     * Side of the square thumbnail the network sees unless the model's metadata names one ({@code thumbnail}): the
     * training size of models/training/s2crnet.py (THUMB = 64, squashed square). Measured on the eval triplets with
     * a trained checkpoint: 28.0 dB square 64 px, 27.7 dB aspect-kept 64 px, 24.9 dB aspect-kept 256 px.
     */
    public static final int THUMBNAIL = 64;

    private final int thumbnail;

    public S2crnetHarmonizer(String id, String fileName, OrtSession session) {
        super(id, fileName, session);
        this.thumbnail = thumbnailSize(session);
    }

    /** The {@code thumbnail} metadata entry rounded to a multiple of 8, else {@link #THUMBNAIL}. */
    static int thumbnailSize(OrtSession session) {
        try {
            String v = session.getMetadata().getCustomMetadata().get("thumbnail");
            return v == null ? THUMBNAIL : Math.max(8, Integer.parseInt(v.trim()) / 8 * 8);
        } catch (OrtException | NumberFormatException e) {
            return THUMBNAIL;
        }
    }

    @Override
    Rendered render(ManagedMat composite, ManagedMat mask, HarmonizeOptions options, CancellationToken cancel) {
        WorkingImage thumb = WorkingImage.square(composite, mask, thumbnail);
        long inferStart = System.nanoTime();
        float[] curves = curves(thumb, cancel);
        long inferMillis = (System.nanoTime() - inferStart) / 1_000_000;
        return new Rendered(apply(composite, mask, curves, options.strength()), Optional.empty(), inferMillis);
    }

    /** The curves [3·L] for a thumbnail. */
    float[] curves(WorkingImage thumb, CancellationToken cancel) {
        return run(thumb, null, cancel, result -> {
            OnnxTensor curves = (OnnxTensor) result.get("curves").orElseThrow();
            long[] shape = curves.getInfo().getShape();
            if (shape.length != 3 || shape[1] != 3 || shape[2] < 2) {
                throw HarmonizeException.internal("model " + fileName() + " returned curves of shape "
                        + java.util.Arrays.toString(shape) + ", expected [1,3,L]", null);
            }
            return floats(result, "curves");
        });
    }

    /** The composite with {@code curves} applied as lookup tables to the masked area, blended with the soft mask. */
    static ManagedMat apply(ManagedMat composite, ManagedMat mask, float[] curves, double strength) {
        return HighResRenderer.render(composite, mask, CurveLut.transfer(curves, curves.length / 3), strength);
    }
}
