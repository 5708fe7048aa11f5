package com.hdcompose.app;

import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.engine.render.PreviewFrame;
import com.hdcompose.engine.render.PreviewJob;
import com.hdcompose.engine.render.PreviewQuality;
import com.hdcompose.engine.task.BackgroundTask;
import java.util.ArrayList;
import java.util.List;
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

/** Side-by-side thumbnails of the object harmonized with K = 1, 3 and 5, computed on request in the background. */
public final class KCompareWindow {
    static final int[] KS = {1, 3, 5};

    /** One thumbnail: its K, image and inference time. */
    record Thumb(int k, Image image, long millis, String model) {
    }

    private final EditorSession session;
    private final HarmonizerProvider provider;
    private final FxTaskExecutor io;
    private final Notifier notifier;
    private Stage stage;
    private HBox row;

    public KCompareWindow(EditorSession session, HarmonizerProvider provider, FxTaskExecutor io, Notifier notifier) {
        this.session = session;
        this.provider = provider;
        this.io = io;
        this.notifier = notifier;
    }

    /** Computes the three thumbnails and shows them in a small window next to the editor. */
    public BackgroundTask<List<Thumb>> show(Window owner) {
        if (session.document().object().isEmpty()) {
            notifier.warn("Add an object first: K changes how the object is harmonized");
            return null;
        }
        DocumentSnapshot snapshot = session.document().snapshot();
        String modelId = snapshot.settings().model();
        Harmonizer harmonizer = HarmonizerChoice.resolve(provider, modelId, e -> { });
        BackgroundTask<List<Thumb>> task = BackgroundTask.of("Compare K", ctx -> {
            List<Thumb> out = new ArrayList<>();
            try (snapshot) {
                for (int i = 0; i < KS.length; i++) {
                    ctx.progress((double) i / KS.length, "K = " + KS[i]);
                    try (PreviewFrame f = PreviewJob.run(snapshot, snapshot.settings().withK(KS[i]), harmonizer,
                            PreviewQuality.QUICK, ctx.token())) {
                        PixelRect crop = around(f.objectBounds(), f.harmonized().width(), f.harmonized().height());
                        out.add(new Thumb(KS[i], FxImages.withAlpha(f.harmonized(), null, crop), f.inferenceMillis(),
                                f.modelUsed()));
                    }
                }
            }
            return out;
        });
        task.onSuccess(thumbs -> display(owner, thumbs)).onFailure(e -> notifier.error("K comparison failed", e));
        io.execute(task);
        return task;
    }

    /** The object's bounds grown by half on each side, clipped to the image. */
    static PixelRect around(PixelRect b, int w, int h) {
        int mx = Math.max(8, b.width() / 2);
        int my = Math.max(8, b.height() / 2);
        return new PixelRect(b.x() - mx, b.y() - my, b.width() + 2 * mx, b.height() + 2 * my).clip(w, h);
    }

    private void display(Window owner, List<Thumb> thumbs) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("K comparison");
            row = new HBox(12);
            row.setPadding(new Insets(12));
            row.setId("k-compare-row");
            stage.setScene(new Scene(row));
        }
        row.getChildren().clear();
        for (Thumb t : thumbs) {
            ImageView view = new ImageView(t.image());
            view.setPreserveRatio(true);
            view.setFitWidth(300);
            view.setSmooth(true);
            Label caption = new Label("K = " + t.k() + "   ·   " + t.millis() + " ms   ·   "
                    + InspectorPanel.MODEL_NAMES.getOrDefault(t.model(), t.model()));
            VBox cell = new VBox(6, view, caption);
            cell.setAlignment(Pos.CENTER);
            row.getChildren().add(cell);
        }
        stage.sizeToScene();
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }
}
