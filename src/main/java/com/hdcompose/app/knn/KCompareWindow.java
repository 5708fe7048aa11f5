package com.hdcompose.app.knn;

import com.hdcompose.app.fx.FxImages;
import com.hdcompose.app.fx.FxTaskExecutor;
import com.hdcompose.app.fx.SecondaryWindows;
import com.hdcompose.app.notify.Notifier;
import com.hdcompose.app.preview.ModelNames;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerResolver;
import com.hdcompose.engine.harmonize.ModelRun;
import com.hdcompose.engine.imaging.ImageMetrics;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.render.PreviewFrame;
import com.hdcompose.engine.render.PreviewJob;
import com.hdcompose.engine.render.PreviewQuality;
import com.hdcompose.engine.task.BackgroundTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Side-by-side views of the object harmonized with K = 1, 5 and 9 (the extremes and the middle) at full resolution,
 * computed on request in the background, with how much each differs from K = 1 inside the object, so the designer
 * sees what K changes.
 */
public final class KCompareWindow {
    static final int[] KS = {1, 5, 9};
    static final int THUMB_WIDTH = 360;

    /** One thumbnail: its K, image, inference time and mean difference from K = 1 inside the mask (levels, 0..255). */
    record Thumb(int k, Image image, long millis, String model, double levelsVsK1) {
    }

    /** The thumbnails and, the first time the model fails to load, why classic stands in. */
    record Comparison(List<Thumb> thumbs, String failure) {
    }

    private final EditorSession session;
    private final HarmonizerResolver resolver;
    private final FxTaskExecutor io;
    private final Notifier notifier;
    private Stage stage;
    private HBox row;
    private Label headline;

    public KCompareWindow(EditorSession session, HarmonizerResolver resolver, FxTaskExecutor io, Notifier notifier) {
        this.session = session;
        this.resolver = resolver;
        this.io = io;
        this.notifier = notifier;
    }

    /** Computes the three thumbnails and shows them in a small window next to the editor. */
    public BackgroundTask<Comparison> show(Window owner) {
        if (session.document().object().isEmpty()) {
            notifier.warn("Add an object first: K changes how the object is harmonized");
            return null;
        }
        DocumentSnapshot snapshot = session.document().snapshot();
        String modelId = snapshot.settings().model();
        BackgroundTask<Comparison> task = BackgroundTask.of("Compare K", ctx -> {
            HarmonizerResolver.Resolution resolution = resolver.resolve(modelId);
            Harmonizer harmonizer = resolution.harmonizer();
            List<Thumb> out = new ArrayList<>();
            try (snapshot; ManagedMat first = ManagedMat.empty()) {
                for (int i = 0; i < KS.length; i++) {
                    ctx.progress((double) i / KS.length, "K = " + KS[i]);
                    try (PreviewFrame f = PreviewJob.run(snapshot, snapshot.settings().withK(KS[i]), harmonizer,
                            PreviewQuality.FULL, ctx.token());
                         ManagedMat thumb = thumbnail(f)) {
                        if (i == 0) {
                            f.harmonized().mat().copyTo(first.mat());
                        }
                        double levels = ImageMetrics.meanAbsDifference(f.harmonized(), first, f.mask());
                        ModelRun run = f.run();
                        out.add(new Thumb(KS[i], FxImages.fromRgb(thumb), run.inferenceMillis(), run.modelUsed(),
                                levels));
                    }
                }
            }
            return new Comparison(out, resolution.newFailure().map(e -> "Model " + modelId
                    + " is unavailable, using classic: " + e.getMessage()).orElse(null));
        });
        task.onSuccess(c -> {
            if (c.failure() != null) {
                notifier.error(c.failure());
            }
            display(owner, c.thumbs());
        }).onFailure(e -> notifier.error("K comparison failed", e));
        io.execute(task);
        return task;
    }

    /** The region around the object, scaled down to at most {@link #THUMB_WIDTH} pixels wide. */
    static ManagedMat thumbnail(PreviewFrame f) {
        PixelRect crop = around(f.objectBounds(), f.harmonized().width(), f.harmonized().height());
        Mat region = f.harmonized().mat().submat(crop.y(), crop.y() + crop.height(), crop.x(), crop.x() + crop.width());
        double s = Math.min(1.0, (double) THUMB_WIDTH / crop.width());
        ManagedMat out = ManagedMat.empty();
        Imgproc.resize(region, out.mat(), new Size(Math.max(1, Math.round(crop.width() * s)),
                Math.max(1, Math.round(crop.height() * s))), 0, 0, Imgproc.INTER_AREA);
        region.release();
        return out;
    }

    /** The object's bounds grown by half on each side, clipped to the image. */
    static PixelRect around(PixelRect b, int w, int h) {
        int mx = Math.max(8, b.width() / 2);
        int my = Math.max(8, b.height() / 2);
        return new PixelRect(b.x() - mx, b.y() - my, b.width() + 2 * mx, b.height() + 2 * my).clip(w, h);
    }

    /** The window's headline: how much the result changes from the smallest to the largest K compared. */
    static String caption(List<Thumb> thumbs) {
        Thumb last = thumbs.get(thumbs.size() - 1);
        return String.format(Locale.ROOT, "K = %d vs K = %d: %s levels (mean change inside the object, 0..255)",
                thumbs.get(0).k(), last.k(), levels(last.levelsVsK1()));
    }

    /** One decimal below 10 levels (the differences K makes can be small), whole levels above. */
    static String levels(double v) {
        return v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    private void display(Window owner, List<Thumb> thumbs) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("K comparison");
            row = new HBox(12);
            row.setId("k-compare-row");
            headline = new Label();
            headline.setId("k-compare-caption");
            headline.getStyleClass().add("k-compare-caption");
            VBox root = new VBox(10, headline, row);
            root.setPadding(new Insets(12));
            Scene scene = new Scene(root);
            SecondaryWindows.closeOnEscapeOrCtrlW(stage, scene);
            var css = KCompareWindow.class.getResource("/com/hdcompose/app/editor.css");
            if (css != null) {
                scene.getStylesheets().add(css.toExternalForm());
            }
            stage.setScene(scene);
        }
        row.getChildren().clear();
        for (Thumb t : thumbs) {
            ImageView view = new ImageView(t.image());
            view.setPreserveRatio(true);
            view.setFitWidth(THUMB_WIDTH);
            view.setSmooth(true);
            String change = t.k() == thumbs.get(0).k() ? "reference"
                    : "vs K = " + thumbs.get(0).k() + ": " + levels(t.levelsVsK1()) + " levels";
            Label caption = new Label("K = " + t.k() + "   ·   " + change + "   ·   " + t.millis() + " ms   ·   "
                    + ModelNames.of(t.model()));
            VBox cell = new VBox(6, view, caption);
            cell.setAlignment(Pos.CENTER);
            row.getChildren().add(cell);
        }
        headline.setText(caption(thumbs));
        stage.sizeToScene();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
