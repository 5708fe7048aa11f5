package com.hdcompose.app.panels;

import com.hdcompose.app.canvas.CanvasView;
import com.hdcompose.app.fx.FxTaskExecutor;
import com.hdcompose.app.preview.ModelNames;
import com.hdcompose.app.preview.PreviewController;
import com.hdcompose.app.preview.PreviewSprite;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.render.PreviewQuality;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/** Bottom status bar: model, working resolution and inference time of the latest preview, progress and zoom. */
public final class EditorStatusBar extends StatusBar {
    final Label inference = new Label();
    final Label zoom = new Label();

    public EditorStatusBar(EditorSession session, PreviewController preview, CanvasView canvas, FxTaskExecutor io) {
        setId("status-bar");
        inference.setId("status-inference");
        inference.setPadding(new Insets(0, 12, 0, 12));
        zoom.setPadding(new Insets(0, 6, 0, 6));
        textProperty().bind(Bindings.createStringBinding(() -> describe(session, preview.spriteProperty().get(),
                preview.busyProperty().get(), io.runningProperty().get()),
                preview.spriteProperty(), preview.busyProperty(), io.runningProperty(), session.revisionProperty()));
        inference.textProperty().bind(Bindings.createStringBinding(() -> {
            PreviewSprite s = preview.spriteProperty().get();
            return s == null ? "—" : "last inference " + s.run().inferenceMillis() + " ms";
        }, preview.spriteProperty()));
        zoom.textProperty().bind(canvas.zoomProperty().multiply(100).asString("%.0f %%"));
        progressProperty().bind(Bindings.when(preview.busyProperty().or(io.runningProperty().greaterThan(0)))
                .then(-1.0).otherwise(0.0));
        getRightItems().addAll(inference, zoom);
    }

    static String describe(EditorSession session, PreviewSprite sprite, boolean busy, int ioRunning) {
        var settings = session.document().settings();
        String model = ModelNames.of(settings.model());
        StringBuilder sb = new StringBuilder("Model: ").append(model);
        if (sprite != null) {
            if (!sprite.run().modelUsed().equals(settings.model())) {
                sb.append(" (ran ").append(ModelNames.of(sprite.run().modelUsed()))
                        .append(')');
            }
            sb.append("   ·   ").append(sprite.quality() == PreviewQuality.QUICK ? "quick preview " : "full resolution ")
                    .append(sprite.frameWidth()).append('×').append(sprite.frameHeight());
        }
        sb.append("   ·   working size ").append(settings.workingSize()).append(" px");
        if (busy) {
            sb.append("   ·   harmonizing…");
        }
        if (ioRunning > 0) {
            sb.append("   ·   working on files…");
        }
        return sb.toString();
    }
}
