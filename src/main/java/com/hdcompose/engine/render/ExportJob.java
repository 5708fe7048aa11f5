package com.hdcompose.engine.render;

import com.hdcompose.engine.document.CompositeRenderer;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.RenderedComposite;
import com.hdcompose.engine.error.ProjectException;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.imaging.ImageFileWriter;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.io.AtomicFiles;
import com.hdcompose.engine.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.opencv.core.CvType;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Harmonizes a snapshot's visible layers at full resolution, resizes the result to the requested long side and
 * writes it atomically; or writes the selected layer's placed mask (white = object).
 */
public final class ExportJob {
    private ExportJob() {
    }

    /** One harmonizer for every layer (tests, command line). */
    public static Path run(DocumentSnapshot snapshot, Harmonizer harmonizer, ExportSettings settings, Path target,
                           TaskContext ctx) {
        return run(snapshot, model -> harmonizer, settings, target, ctx);
    }

    /** Each layer with its own model's harmonizer ({@code harmonizers} maps a model id to it). */
    public static Path run(DocumentSnapshot snapshot, Function<String, Harmonizer> harmonizers,
                           ExportSettings settings, Path target, TaskContext ctx) {
        ctx.progress(0.05, "Rendering composite");
        ManagedMat full;
        if (snapshot.visibleLayers().isEmpty()) {
            full = snapshot.background().copy();
        } else {
            ctx.progress(0.1, "Harmonizing at full resolution");
            List<PreviewFrame> frames = PreviewJob.runStack(snapshot, harmonizers, PreviewQuality.FULL, ctx.token());
            full = frames.get(frames.size() - 1).harmonized().copy();
            frames.forEach(PreviewFrame::close);
        }
        ctx.checkCancelled();
        return write(full, settings, target, ctx);
    }

    /** The selected layer's mask as placed on the background (8-bit grey, white = object), at the export size. */
    public static Path runMask(DocumentSnapshot snapshot, ExportSettings settings, Path target, TaskContext ctx) {
        ObjectLayer layer = snapshot.objectOrNull();
        if (layer == null) {
            throw new ProjectException("Select a layer to export its mask", null);
        }
        ctx.progress(0.1, "Rendering mask");
        ManagedMat rgb;
        try (RenderedComposite c = CompositeRenderer.render(snapshot.background(), layer);
             ManagedMat grey = ManagedMat.empty()) {
            c.mask().mat().convertTo(grey.mat(), CvType.CV_8U, 255);
            rgb = ManagedMat.empty();
            Imgproc.cvtColor(grey.mat(), rgb.mat(), Imgproc.COLOR_GRAY2RGB);
        }
        return write(rgb, settings, target, ctx);
    }

    private static Path write(ManagedMat full, ExportSettings settings, Path target, TaskContext ctx) {
        byte[] bytes;
        try (ManagedMat image = full; ManagedMat out = resized(image, settings.longSide())) {
            ctx.progress(0.8, "Encoding " + settings.format());
            ctx.checkCancelled();
            bytes = ImageFileWriter.encode(out, settings.extension(), settings.jpegQuality(),
                    target.getFileName().toString());
        }
        ctx.checkCancelled();
        ctx.progress(0.95, "Writing " + target.getFileName());
        try {
            AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw new ProjectException("Could not write " + target.getFileName() + ": " + e.getMessage(), e);
        }
        ctx.progress(1, "Exported " + target.getFileName());
        return target;
    }

    private static ManagedMat resized(ManagedMat image, int longSide) {
        int current = Math.max(image.width(), image.height());
        if (current == longSide) {
            return image.copy();
        }
        double s = (double) longSide / current;
        ManagedMat out = ManagedMat.empty();
        Imgproc.resize(image.mat(), out.mat(),
                new Size(Math.max(1, Math.round(image.width() * s)), Math.max(1, Math.round(image.height() * s))),
                0, 0, s < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
        return out;
    }
}
