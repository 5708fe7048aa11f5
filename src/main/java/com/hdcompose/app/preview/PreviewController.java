package com.hdcompose.app.preview;

import com.hdcompose.app.fx.FxImages;
import com.hdcompose.app.fx.FxTaskExecutor;
import com.hdcompose.app.notify.Notifier;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DocumentListener;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.render.PreviewFrame;
import com.hdcompose.engine.render.PreviewJob;
import com.hdcompose.engine.render.PreviewQuality;
import com.hdcompose.engine.task.BackgroundTask;
import com.hdcompose.engine.task.LatestRequestScheduler;
import java.util.HashSet;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;

/**
 * Keeps a harmonized preview of the document up to date without ever blocking the FX thread: every edit submits a
 * quick run at working resolution to a {@link LatestRequestScheduler} (newest wins; during drags a running quick
 * preview may finish so updates keep coming), and once the user pauses a full-resolution refinement follows.
 */
public final class PreviewController {
    static final long INTERACTIVE_DEBOUNCE_MS = 15;
    public static final long REFINE_DELAY_MS = 350;
    static final long INTERACTIVE_COALESCE_MS = 30;

    private final CompositionDocument document;
    private final HarmonizerProvider provider;
    private final LatestRequestScheduler scheduler;
    private final Notifier notifier;
    private final ReadOnlyObjectWrapper<PreviewSprite> sprite = new ReadOnlyObjectWrapper<>(this, "sprite");
    private final BooleanProperty interacting = new SimpleBooleanProperty(this, "interacting", false);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final Set<String> reported = new HashSet<>();
    private ManagedMat sharedMask;
    private long epoch;
    private final PauseTransition coalesce = new PauseTransition(Duration.millis(INTERACTIVE_COALESCE_MS));
    private boolean coalescing;
    private int inFlight;

    public PreviewController(CompositionDocument document, HarmonizerProvider provider, FxTaskExecutor executor,
                             Notifier notifier) {
        this.document = document;
        this.provider = provider;
        this.scheduler = new LatestRequestScheduler(executor);
        this.notifier = notifier;
        document.addListener(this::documentChanged);
        coalesce.setOnFinished(e -> {
            coalescing = false;
            refresh();
        });
    }

    /** The latest harmonized preview, or null before the first one (or when there is no object). */
    public ReadOnlyObjectProperty<PreviewSprite> spriteProperty() {
        return sprite.getReadOnlyProperty();
    }

    /** Set while the user drags or paints: quick previews then run to completion instead of being cancelled. */
    public BooleanProperty interactingProperty() {
        return interacting;
    }

    /** True while a preview is queued or running. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Schedules a quick preview now and a full refinement after it. */
    public void refresh() {
        submit(PreviewQuality.QUICK, interacting.get() ? INTERACTIVE_DEBOUNCE_MS : 0, !interacting.get());
    }

    private void documentChanged(DocumentListener.Change change, PixelRect region) {
        if (change != DocumentListener.Change.PLACEMENT && change != DocumentListener.Change.SETTINGS) {
            sharedMask = null;
        }
        if (change == DocumentListener.Change.OBJECT || change == DocumentListener.Change.REPLACED
                || change == DocumentListener.Change.BACKGROUND) {
            epoch++;
            sprite.set(null);
        }
        if (document.object().isEmpty()) {
            scheduler.cancelAll();
            sprite.set(null);
            return;
        }
        if (interacting.get()) {
            refreshSoon();
        } else {
            refresh();
        }
    }

    /** During drags and strokes, snapshots (which copy the mask) are taken at most once per coalescing interval. */
    private void refreshSoon() {
        if (!coalescing) {
            coalescing = true;
            coalesce.playFromStart();
        }
    }

    private void submit(PreviewQuality quality, long debounce, boolean yields) {
        DocumentSnapshot snapshot = snapshot();
        if (snapshot == null) {
            return;
        }
        Harmonizer harmonizer = harmonizer(snapshot.settings().model());
        long taskEpoch = epoch;
        BackgroundTask<PreviewSprite> task = BackgroundTask.of("Preview", ctx -> {
            try (PreviewFrame frame = PreviewJob.run(snapshot, harmonizer, quality, ctx.token())) {
                return frame == null ? null : toSprite(frame, snapshot.objectOrNull());
            }
        });
        task.onSuccess(s -> {
            finished();
            if (taskEpoch == epoch) {
                show(s);
            }
            if (quality == PreviewQuality.QUICK && scheduler.isLatest(task) && !interacting.get()) {
                submit(PreviewQuality.FULL, REFINE_DELAY_MS, true);
            }
        }).onFailure(e -> {
            finished();
            report("Preview failed", e);
        }).onCancelled(this::finished);
        inFlight++;
        busy.set(true);
        scheduler.submit(task, debounce, yields);
    }

    /** Called when a drag or stroke ends: the refinement can start after the usual pause. */
    public void interactionEnded() {
        interacting.set(false);
        coalesce.stop();
        coalescing = false;
        refresh();
    }

    private void finished() {
        inFlight = Math.max(0, inFlight - 1);
        busy.set(inFlight > 0);
    }

    private void show(PreviewSprite next) {
        if (document.object().isEmpty()) {
            return;
        }
        PreviewSprite current = sprite.get();
        if (next == null || current == null || next.revision() > current.revision()
                || (next.revision() == current.revision() && next.quality() == PreviewQuality.FULL)) {
            sprite.set(next);
        }
        if (next != null) {
            for (String w : next.run().warnings()) {
                if (reported.add(w)) {
                    notifier.warn(w);
                }
            }
        }
    }

    private DocumentSnapshot snapshot() {
        ObjectLayer object = document.object().orElse(null);
        if (object == null) {
            return null;
        }
        if (sharedMask == null) {
            sharedMask = object.mask().copy();
        }
        ObjectLayer frozen = new ObjectLayer(object.image(), sharedMask, object.placement());
        return new DocumentSnapshot(document.background(), frozen, document.settings(), document.revision());
    }

    private Harmonizer harmonizer(String model) {
        return HarmonizerChoice.resolve(provider, model, e -> report("Model " + model + " is unavailable, using classic", e));
    }

    private void report(String what, Throwable e) {
        if (reported.add(what + e.getMessage())) {
            notifier.error(what, e);
        }
    }

    private static PreviewSprite toSprite(PreviewFrame f, ObjectLayer object) {
        return PreviewSprite.of(f, FxImages.withAlpha(f.harmonized(), f.mask(), f.objectBounds()), object.width(),
                object.height());
    }

    public void close() {
        scheduler.close();
    }
}
