package com.hdcompose.engine.render;

import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.error.ProjectException;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.imaging.ImageFileWriter;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.io.AtomicFiles;
import com.hdcompose.engine.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Harmonizes a snapshot at full resolution, resizes it to the requested long side and writes it atomically. */
public final class ExportJob {
    private ExportJob() {
    }

    public static Path run(DocumentSnapshot snapshot, Harmonizer harmonizer, ExportSettings settings, Path target,
                           TaskContext ctx) {
        ctx.progress(0.05, "Rendering composite");
        ManagedMat full;
        if (snapshot.objectOrNull() == null) {
            full = snapshot.background().copy();
        } else {
            ctx.progress(0.1, "Harmonizing at full resolution");
            try (PreviewFrame frame = PreviewJob.run(snapshot, harmonizer, PreviewQuality.FULL, ctx.token())) {
                full = frame.harmonized().copy();
            }
        }
        ctx.checkCancelled();
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
