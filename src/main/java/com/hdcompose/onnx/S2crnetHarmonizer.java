package com.hdcompose.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.hdcompose.engine.harmonize.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.InputValidator;
import com.hdcompose.engine.harmonize.highres.HighResRenderer;
import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskStats;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * S2CRNet on ONNX Runtime: predicts per-channel colour curves from a 256-px thumbnail and applies them to the
 * full-resolution foreground as a lookup table, blended with the soft mask.
 */
public final class S2crnetHarmonizer implements Harmonizer {
    static final List<String> INPUTS = List.of("composite", "mask");
    static final List<String> OUTPUTS = List.of("curves");
    /** Long side of the thumbnail the network sees, unless the model's metadata names one ({@code thumbnail}). */
    public static final int THUMBNAIL = 256;

    private final String id;
    private final String fileName;
    private final OrtSession session;
    private final int thumbnail;

    public S2crnetHarmonizer(String id, String fileName, OrtSession session) {
        this.id = id;
        this.fileName = fileName;
        this.session = session;
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
        WorkingImage thumb = WorkingImage.resized(composite, mask, thumbnail);
        long inferStart = System.nanoTime();
        float[] curves = curves(thumb, cancel);
        long inferMillis = (System.nanoTime() - inferStart) / 1_000_000;
        ManagedMat image = apply(composite, mask, curves, options.strength());
        long total = (System.nanoTime() - start) / 1_000_000;
        return new HarmonizeResult(image, Optional.empty(), List.of(), id, inferMillis, total);
    }

    /** The curves [3·L] for a thumbnail. */
    float[] curves(WorkingImage thumb, CancellationToken cancel) {
        long h = thumb.height();
        long w = thumb.width();
        var env = OrtSessions.environment();
        try (OnnxTensor comp = OnnxTensor.createTensor(env, FloatBuffer.wrap(thumb.composite()), new long[] {1, 3, h, w});
             OnnxTensor msk = OnnxTensor.createTensor(env, FloatBuffer.wrap(thumb.mask()), new long[] {1, 1, h, w});
             OrtSession.Result result = CancellableRun.run(session, Map.of("composite", comp, "mask", msk), cancel,
                     fileName)) {
            OnnxTensor curves = (OnnxTensor) result.get("curves").orElseThrow();
            long[] shape = curves.getInfo().getShape();
            if (shape.length != 3 || shape[1] != 3 || shape[2] < 2) {
                throw HarmonizeException.internal("model " + fileName + " returned curves of shape "
                        + java.util.Arrays.toString(shape) + ", expected [1,3,L]", null);
            }
            FloatBuffer b = curves.getFloatBuffer();
            float[] out = new float[b.remaining()];
            b.get(out);
            return out;
        } catch (OrtException e) {
            throw HarmonizeException.internal("model " + fileName + " returned unreadable outputs: " + e.getMessage(), e);
        }
    }

    /** The composite with {@code curves} applied inside the mask's bounding box, blended with the soft mask. */
    static ManagedMat apply(ManagedMat composite, ManagedMat mask, float[] curves, double strength) {
        Rect box = HighResRenderer.foregroundBox(mask);
        Mat out = composite.mat().clone();
        try (ManagedMat lut = CurveLut.table(curves, curves.length / 3);
             ManagedMat comp = new ManagedMat(composite.mat().submat(box));
             ManagedMat soft = new ManagedMat(mask.mat().submat(box));
             ManagedMat mapped = ManagedMat.empty()) {
            Core.LUT(comp.mat(), lut.mat(), mapped.mat());
            try (ManagedMat blended = ImageOps.blend(comp, mapped, soft, strength);
                 ManagedMat target = new ManagedMat(out.submat(box))) {
                blended.mat().copyTo(target.mat());
            }
        }
        return new ManagedMat(out);
    }

    @Override
    public void close() {
        OrtSessions.closeQuietly(session);
    }
}
