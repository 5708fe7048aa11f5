package com.hdcompose.engine.render;

import com.hdcompose.engine.document.CompositeRenderer;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.RenderedComposite;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renders a snapshot's composite and harmonizes it, quickly at working resolution or fully at background resolution:
 * the visible layers bottom to top, each harmonized on the background with the harmonized layers below it.
 */
public final class PreviewJob {
    private PreviewJob() {
    }

    /** Runs off the UI thread: the selected layer only (layers below it composited as they are); null without one. */
    public static PreviewFrame run(DocumentSnapshot snapshot, Harmonizer harmonizer, PreviewQuality quality,
                                   CancellationToken cancel) {
        return run(snapshot, snapshot.settings(), harmonizer, quality, cancel);
    }

    /** As {@link #run(DocumentSnapshot, Harmonizer, PreviewQuality, CancellationToken)} with other settings (K comparison). */
    public static PreviewFrame run(DocumentSnapshot snapshot, HarmonizeOptions options, Harmonizer harmonizer,
                                   PreviewQuality quality, CancellationToken cancel) {
        ObjectLayer object = snapshot.objectOrNull();
        if (object == null) {
            return null;
        }
        double scale = quality == PreviewQuality.QUICK ? workingScale(snapshot, options) : 1.0;
        ManagedMat base = CompositeRenderer.scaledBackground(snapshot.background(), scale);
        for (ObjectLayer below : snapshot.visibleLayers()) {
            if (below.id() == object.id()) {
                break;
            }
            try (RenderedComposite c = CompositeRenderer.renderOver(base, snapshot.background().width(),
                    snapshot.background().height(), below, scale)) {
                base = c.image().copy();
            }
        }
        return harmonize(snapshot, base, object, options, harmonizer, quality, scale, cancel);
    }

    /**
     * Every visible layer, bottom first, each harmonized with its own model ({@code harmonizers} maps a model id to
     * its harmonizer) on the background plus the harmonized layers below; the last frame's image is the whole result.
     * Runs off the UI thread; the caller owns the frames.
     */
    public static List<PreviewFrame> runStack(DocumentSnapshot snapshot, Function<String, Harmonizer> harmonizers,
                                              PreviewQuality quality, CancellationToken cancel) {
        double scale = quality == PreviewQuality.QUICK ? workingScale(snapshot, snapshot.settings()) : 1.0;
        List<PreviewFrame> frames = new ArrayList<>();
        ManagedMat base = CompositeRenderer.scaledBackground(snapshot.background(), scale);
        try {
            for (ObjectLayer layer : snapshot.visibleLayers()) {
                cancel.throwIfCancelled();
                Harmonizer h = harmonizers.apply(layer.settings().model());
                ManagedMat below = base;
                base = null;
                PreviewFrame f = harmonize(snapshot, below, layer, layer.settings(), h, quality, scale, cancel);
                frames.add(f);
                base = f.harmonized().copy();
            }
        } catch (RuntimeException e) {
            frames.forEach(PreviewFrame::close);
            throw e;
        } finally {
            if (base != null) {
                base.close();
            }
        }
        return frames;
    }

    /** Harmonizes {@code layer} placed over {@code base} (taken over and released). */
    private static PreviewFrame harmonize(DocumentSnapshot snapshot, ManagedMat base, ObjectLayer layer,
                                          HarmonizeOptions options, Harmonizer harmonizer, PreviewQuality quality,
                                          double scale, CancellationToken cancel) {
        try (RenderedComposite composite = CompositeRenderer.renderOver(base, snapshot.background().width(),
                snapshot.background().height(), layer, scale)) {
            cancel.throwIfCancelled();
            HarmonizeResult result = harmonizer.harmonize(composite.image(), composite.mask(), options, cancel);
            return new PreviewFrame(layer.id(), result.image(), new ManagedMat(composite.mask().release()),
                    composite.objectBounds(), scale, layer.placement(), options, quality, result.run(),
                    snapshot.revision());
        }
    }

    /** Scale that brings the background's long side down to the working size (never up). */
    public static double workingScale(DocumentSnapshot snapshot, HarmonizeOptions options) {
        int longSide = Math.max(snapshot.background().width(), snapshot.background().height());
        return Math.min(1.0, (double) options.workingSize() / longSide);
    }
}
