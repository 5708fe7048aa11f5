package com.hdcompose.cli.bench;

import com.hdcompose.engine.document.AssetsLocator;
import com.hdcompose.engine.document.BrushSettings;
import com.hdcompose.engine.document.BrushStroke;
import com.hdcompose.engine.document.CompositeImport;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DemoScene;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.document.LayerStackCommand;
import com.hdcompose.engine.document.MaskStrokeCommand;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.document.RenderedComposite;
import com.hdcompose.engine.document.ValueCommand;
import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.document.history.CommandHistory;
import com.hdcompose.engine.harmonize.HarmonizerResolver;
import com.hdcompose.engine.render.PreviewFrame;
import com.hdcompose.engine.render.PreviewJob;
import com.hdcompose.engine.render.PreviewQuality;
import com.hdcompose.engine.task.BackgroundTask;
import com.hdcompose.engine.task.DirectTaskExecutor;
import com.hdcompose.engine.task.LatestRequestScheduler;
import com.hdcompose.engine.task.TaskExecutor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Soak test of the editor's preview pipeline without a window: a three-layer document is edited (moves, brush strokes,
 * settings, undo) between {@code count} previews, each submitted to the newest-wins scheduler and harmonized layer by
 * layer on a worker thread, as the editor does. Every fifth preview is superseded at once by an edit and a newer one
 * (the stale run is cancelled). Reports resident memory (after a GC) after a warm-up and at the end, so a leak per
 * preview shows as growth; run it with a fixed heap ({@code -Xms512m -Xmx512m}) so heap resizing does not move RSS.
 */
public final class PreviewSoak {
    public static final int WARM_UP = 250;

    private final CompositionDocument doc;
    private final HarmonizerResolver resolver;
    private final PrintWriter out;

    public PreviewSoak(CompositionDocument doc, HarmonizerResolver resolver, PrintWriter out) {
        this.doc = doc;
        this.resolver = resolver;
        this.out = out;
    }

    /** The demo scene opened as composite + mask (as File ▸ Open Composite with Mask does): background and one layer. */
    public static CompositionDocument scene() {
        Path assets = AssetsLocator.find().orElseThrow(() -> HarmonizeException.badInput(
                "the soak needs the demo scene: no assets folder found (run it from the repository or set hdcompose.assets.dir)"));
        try (RenderedComposite s = DemoScene.rendered(assets)) {
            CompositeImport.Split split = CompositeImport.split(s.image(), s.mask(), "demo",
                    CompositionDocument.DEFAULT_SETTINGS);
            return new CompositionDocument(split.background(), split.layer(), CompositionDocument.DEFAULT_SETTINGS);
        }
    }

    /** What a soak measured. */
    public record Result(int previews, int cancelled, double rssAfterWarmUpMiB, double rssEndMiB, double seconds) {
        public double growthMiB() {
            return rssEndMiB - rssAfterWarmUpMiB;
        }
    }

    /** Runs {@code count} previews with edits between them. */
    public Result run(int count) throws InterruptedException {
        CommandHistory<CompositionDocument> history = new CommandHistory<>(doc);
        while (doc.layers().size() < 3) {
            ObjectLayer l = doc.layers().get(0);
            history.execute(LayerStackCommand.add(doc, l.duplicate(l.name() + " " + (doc.layers().size() + 1),
                    l.placement().movedBy(0.1 * doc.width() * doc.layers().size(), 0)), "Duplicate"));
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "soak-preview"));
        DirectTaskExecutor direct = new DirectTaskExecutor();
        TaskExecutor executor = new TaskExecutor() {
            @Override
            public <T> void execute(BackgroundTask<T> task) {
                worker.execute(() -> direct.execute(task));
            }
        };
        int cancelled = 0;
        double warm = Double.NaN;
        long start = System.nanoTime();
        try (LatestRequestScheduler scheduler = new LatestRequestScheduler(executor)) {
            for (int i = 0; i < count; i++) {
                edit(history, i);
                if (i % 5 == 4) {
                    CountDownLatch stale = new CountDownLatch(1);
                    BackgroundTask<Integer> staleTask = preview(stale);
                    scheduler.submit(staleTask, 0, true);
                    edit(history, i + 1);
                    awaitNewer(scheduler, preview(new CountDownLatch(1)));
                    stale.await(60, TimeUnit.SECONDS);
                    cancelled += staleTask.isCancelled() ? 1 : 0;
                } else {
                    CountDownLatch done = new CountDownLatch(1);
                    scheduler.submit(preview(done), 0, true);
                    done.await(60, TimeUnit.SECONDS);
                }
                if (i + 1 == WARM_UP) {
                    warm = settledRssMiB();
                }
                if ((i + 1) % 500 == 0) {
                    out.printf(Locale.ROOT, "%5d previews, RSS %.0f MiB%n", i + 1, settledRssMiB());
                    out.flush();
                }
            }
        } finally {
            worker.shutdown();
            worker.awaitTermination(60, TimeUnit.SECONDS);
        }
        return new Result(count, cancelled, warm, settledRssMiB(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * RSS once unreachable OpenCV mats have been freed: their native memory goes when the collector has run and their
     * cleaners have finished, which a plain {@code System.gc()} does not wait for.
     */
    static double settledRssMiB() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            System.runFinalization();
            Thread.sleep(100);
        }
        return ProcessMemory.currentRssMiB();
    }

    /** Submits {@code newer} right behind a stale run and waits for it. */
    private static void awaitNewer(LatestRequestScheduler scheduler, BackgroundTask<?> newer)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        scheduler.submit(newer.onSuccess(v -> done.countDown()).onFailure(e -> done.countDown())
                .onCancelled(done::countDown), 0, true);
        done.await(60, TimeUnit.SECONDS);
    }

    /** One preview of the whole stack, as the editor's PreviewController runs it; frames and snapshot are released. */
    private BackgroundTask<Integer> preview(CountDownLatch done) {
        DocumentSnapshot snapshot = doc.snapshot();
        BackgroundTask<Integer> task = BackgroundTask.of("Preview", ctx -> {
            try (snapshot) {
                List<PreviewFrame> frames = PreviewJob.runStack(snapshot, m -> resolver.resolve(m).harmonizer(),
                        PreviewQuality.QUICK, ctx.token());
                frames.forEach(PreviewFrame::close);
                return frames.size();
            }
        });
        task.onSuccess(n -> done.countDown()).onFailure(e -> done.countDown()).onCancelled(done::countDown);
        return task;
    }

    /** The edit before preview {@code i}: a move, a brush dab, a strength change, or an undo. */
    private void edit(CommandHistory<CompositionDocument> history, int i) {
        ObjectLayer layer = doc.layers().get(i % doc.layers().size());
        switch (i % 4) {
            case 0 -> {
                Placement p = layer.placement();
                history.execute(ValueCommand.placement(layer, "Move", p, p.movedBy(i % 8 < 4 ? 3 : -3, 1), null));
            }
            case 1 -> {
                BrushStroke stroke = new BrushStroke(layer, new BrushSettings(6, 0.5, i % 8 == 1));
                stroke.lineTo(layer.width() * 0.3, layer.height() * 0.5);
                doc.maskEdited(layer, stroke.changedRegion());
                MaskStrokeCommand c = stroke.finish();
                if (c != null) {
                    history.record(c);
                }
            }
            case 2 -> history.execute(ValueCommand.settings(layer, "Strength", layer.settings(),
                    layer.settings().withStrength(i % 8 < 4 ? 0.9 : 1.0), null));
            default -> history.undo();
        }
    }
}
