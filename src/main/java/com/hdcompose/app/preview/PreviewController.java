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
import com.hdcompose.engine.harmonize.HarmonizerResolver;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.render.PreviewFrame;
import com.hdcompose.engine.render.PreviewJob;
import com.hdcompose.engine.render.PreviewQuality;
import com.hdcompose.engine.task.BackgroundTask;
import com.hdcompose.engine.task.LatestRequestScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;

/**
 * Keeps harmonized previews of every visible layer up to date without ever blocking the FX thread: every edit submits
 * a quick run at working resolution to a {@link LatestRequestScheduler} (newest wins; during drags a running quick
 * preview may finish so updates keep coming), and once the user pauses a full-resolution refinement follows. Models
 * are resolved and loaded inside the background task; a model that fails to load is reported once.
 */
public final class PreviewController {
    static final long INTERACTIVE_DEBOUNCE_MS = 15;
    public static final long REFINE_DELAY_MS = 350;
    static final long INTERACTIVE_COALESCE_MS = 30;

    /** What one background run produced: a sprite per visible layer and the model failures seen for the first time. */
    private record Result(Map<Long, PreviewSprite> sprites, List<String> failures) {
    }

    private final CompositionDocument document;
    private final HarmonizerResolver resolver;
    private final LatestRequestScheduler scheduler;
    private final Notifier notifier;
    private final ReadOnlyObjectWrapper<PreviewSprite> sprite = new ReadOnlyObjectWrapper<>(this, "sprite");
    private final ReadOnlyObjectWrapper<Map<Long, PreviewSprite>> sprites =
            new ReadOnlyObjectWrapper<>(this, "sprites", Map.of());
    private final BooleanProperty interacting = new SimpleBooleanProperty(this, "interacting", false);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final Set<String> reported = new HashSet<>();
    private final Map<Long, ManagedMat> frozenMasks = new HashMap<>();
    private long shownRevision = -1;
    private PreviewQuality shownQuality;
    private long epoch;
    private final PauseTransition coalesce = new PauseTransition(Duration.millis(INTERACTIVE_COALESCE_MS));
    private boolean coalescing;
    private int inFlight;

    public PreviewController(CompositionDocument document, HarmonizerResolver resolver, FxTaskExecutor executor,
                             Notifier notifier) {
        this.document = document;
        this.resolver = resolver;
        this.scheduler = new LatestRequestScheduler(executor);
        this.notifier = notifier;
        document.addListener(this::documentChanged);
        coalesce.setOnFinished(e -> {
            coalescing = false;
            refresh();
        });
    }

    /** The selected layer's latest harmonized preview, or null before the first one (or without a selection). */
    public ReadOnlyObjectProperty<PreviewSprite> spriteProperty() {
        return sprite.getReadOnlyProperty();
    }

    /** The latest preview of every visible layer, by layer id (empty before the first one). */
    public ReadOnlyObjectProperty<Map<Long, PreviewSprite>> spritesProperty() {
        return sprites.getReadOnlyProperty();
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
        switch (change) {
            case SELECTION -> {
                sprite.set(selectedSprite(sprites.get()));
                return;
            }
            case LAYER_INFO -> {
                return;
            }
            case MASK -> {
                ObjectLayer edited = document.lastMaskLayer();
                frozenMasks.remove(edited == null ? -1 : edited.id());
            }
            case OBJECT, REPLACED, BACKGROUND -> {
                frozenMasks.clear();
                epoch++;
                if (change != DocumentListener.Change.OBJECT) {
                    clearSprites();
                }
            }
            default -> { }
        }
        if (document.layers().stream().noneMatch(ObjectLayer::visible)) {
            scheduler.cancelAll();
            clearSprites();
            return;
        }
        if (interacting.get()) {
            refreshSoon();
        } else {
            refresh();
        }
    }

    private void clearSprites() {
        sprites.set(Map.of());
        sprite.set(null);
        shownRevision = -1;
    }

    /** During drags and strokes, snapshots (which copy masks) are taken at most once per coalescing interval. */
    private void refreshSoon() {
        if (!coalescing) {
            coalescing = true;
            coalesce.playFromStart();
        }
    }

    private void submit(PreviewQuality quality, long debounce, boolean yields) {
        DocumentSnapshot snapshot = snapshot();
        if (snapshot.visibleLayers().isEmpty()) {
            return;
        }
        long taskEpoch = epoch;
        BackgroundTask<Result> task = BackgroundTask.of("Preview", ctx -> {
            List<String> failures = new ArrayList<>();
            List<PreviewFrame> frames = PreviewJob.runStack(snapshot, model -> harmonizer(model, failures), quality,
                    ctx.token());
            Map<Long, PreviewSprite> out = new HashMap<>();
            try {
                for (PreviewFrame f : frames) {
                    out.put(f.layerId(), toSprite(f, snapshot));
                }
            } finally {
                frames.forEach(PreviewFrame::close);
            }
            return new Result(Map.copyOf(out), failures);
        });
        task.onSuccess(r -> {
            finished();
            r.failures().forEach(notifier::error);
            if (taskEpoch == epoch || r.sprites().keySet().containsAll(visibleIds())) {
                show(r.sprites(), snapshot.revision(), quality);
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

    /** Resolves (and on first use loads) a model on the background thread; a failed load is noted once. */
    private Harmonizer harmonizer(String model, List<String> failures) {
        HarmonizerResolver.Resolution r = resolver.resolve(model);
        r.newFailure().ifPresent(e -> failures.add("Model " + model + " is unavailable, using classic: "
                + e.getMessage()));
        return r.harmonizer();
    }

    private Set<Long> visibleIds() {
        Set<Long> ids = new HashSet<>();
        document.layers().stream().filter(ObjectLayer::visible).forEach(l -> ids.add(l.id()));
        return ids;
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

    private void show(Map<Long, PreviewSprite> next, long revision, PreviewQuality quality) {
        if (revision > shownRevision || (revision == shownRevision && quality == PreviewQuality.FULL)
                || shownQuality == null) {
            shownRevision = revision;
            shownQuality = quality;
            sprites.set(next);
            sprite.set(selectedSprite(next));
        }
        for (PreviewSprite s : next.values()) {
            for (String w : s.run().warnings()) {
                if (reported.add(w)) {
                    notifier.warn(w);
                }
            }
        }
    }

    private PreviewSprite selectedSprite(Map<Long, PreviewSprite> all) {
        return document.object().map(l -> all.get(l.id())).orElse(null);
    }

    /** Copies of the layers' masks, reused while only placements or settings change. */
    private DocumentSnapshot snapshot() {
        List<ObjectLayer> frozen = new ArrayList<>();
        for (ObjectLayer l : document.layers()) {
            ManagedMat mask = frozenMasks.computeIfAbsent(l.id(), id -> l.mask().copy());
            frozen.add(l.withMask(mask));
        }
        int selected = document.object().map(l -> document.layers().indexOf(l)).orElse(-1);
        return new DocumentSnapshot(document.background(), frozen, selected, document.settings(), document.revision());
    }

    private void report(String what, Throwable e) {
        if (reported.add(what + e.getMessage())) {
            notifier.error(what, e);
        }
    }

    private static PreviewSprite toSprite(PreviewFrame f, DocumentSnapshot snapshot) {
        ObjectLayer object = snapshot.layers().stream().filter(l -> l.id() == f.layerId()).findFirst().orElseThrow();
        return PreviewSprite.of(f, FxImages.withAlpha(f.harmonized(), f.mask(), f.objectBounds()), object.width(),
                object.height());
    }

    public void close() {
        scheduler.close();
    }
}
