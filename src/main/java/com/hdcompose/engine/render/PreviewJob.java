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

/** Renders a snapshot's composite and harmonizes it, quickly at working resolution or fully at background resolution. */
public final class PreviewJob {
    private PreviewJob() {
    }

    /** Runs off the UI thread; returns null when the snapshot has no object (nothing to harmonize). */
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
        try (RenderedComposite composite = CompositeRenderer.render(snapshot.background(), object, scale)) {
            cancel.throwIfCancelled();
            HarmonizeResult result = harmonizer.harmonize(composite.image(), composite.mask(), options, cancel);
            return new PreviewFrame(result.image(), new ManagedMat(composite.mask().release()),
                    composite.objectBounds(), scale, object.placement(), options, quality, result.run(),
                    snapshot.revision());
        }
    }

    /** Scale that brings the background's long side down to the working size (never up). */
    public static double workingScale(DocumentSnapshot snapshot, HarmonizeOptions options) {
        int longSide = Math.max(snapshot.background().width(), snapshot.background().height());
        return Math.min(1.0, (double) options.workingSize() / longSide);
    }
}
