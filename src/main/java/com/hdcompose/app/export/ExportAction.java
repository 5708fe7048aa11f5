package com.hdcompose.app.export;

import com.hdcompose.app.fx.FxTaskExecutor;
import com.hdcompose.app.notify.Notifier;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerResolver;
import com.hdcompose.engine.render.ExportJob;
import com.hdcompose.engine.render.ExportSettings;
import com.hdcompose.engine.task.BackgroundTask;
import java.io.File;
import java.nio.file.Path;
import javafx.concurrent.Task;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The export flow: dialog, file chooser, then a cancellable background export with a progress window. */
public final class ExportAction {
    private final EditorSession session;
    private final HarmonizerResolver resolver;
    private final FxTaskExecutor io;
    private final Notifier notifier;
    private Window owner;

    public ExportAction(EditorSession session, HarmonizerResolver resolver, FxTaskExecutor io, Notifier notifier) {
        this.session = session;
        this.resolver = resolver;
        this.io = io;
        this.notifier = notifier;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    /** File ▸ Export…: asks for settings and a file, then exports. */
    public void exportInteractively() {
        var doc = session.document();
        new ExportDialog(owner, doc.width(), doc.height()).ask().ifPresent(settings -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export image");
            chooser.setInitialFileName("composite" + settings.extension());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(settings.format().name(),
                    "*" + settings.extension()));
            File f = chooser.showSaveDialog(owner);
            if (f != null) {
                Path target = f.getName().contains(".") ? f.toPath() : f.toPath().resolveSibling(f.getName() + settings.extension());
                start(settings, target, true);
            }
        });
    }

    /** Exports in the background; with {@code showProgress} a window with a progress bar and Cancel appears. */
    public BackgroundTask<Path> start(ExportSettings settings, Path target, boolean showProgress) {
        return start(settings, target, showProgress, false);
    }

    /** File ▸ Export Mask of Selected Layer: the layer's placed mask as a grey image (white = object). */
    public BackgroundTask<Path> startMask(ExportSettings settings, Path target) {
        if (session.document().object().isEmpty()) {
            notifier.warn("Select a layer first: its mask is what gets exported");
            return null;
        }
        return start(settings, target, false, true);
    }

    /** File ▸ Export Mask…: asks for a PNG file name, then writes the selected layer's mask at full size. */
    public void exportMaskInteractively() {
        var doc = session.document();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export mask of the selected layer");
        chooser.setInitialFileName(doc.object().map(l -> l.name()).orElse("layer") + "_mask.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File f = chooser.showSaveDialog(owner);
        if (f != null) {
            Path target = f.getName().contains(".") ? f.toPath() : f.toPath().resolveSibling(f.getName() + ".png");
            startMask(new ExportSettings(ExportSettings.Format.PNG, 95, Math.max(doc.width(), doc.height())), target);
        }
    }

    private BackgroundTask<Path> start(ExportSettings settings, Path target, boolean showProgress, boolean mask) {
        DocumentSnapshot snapshot = session.document().snapshot();
        BackgroundTask<Path> task = BackgroundTask.of("Export", ctx -> {
            try (snapshot) {
                return mask ? ExportJob.runMask(snapshot, settings, target, ctx)
                        : ExportJob.run(snapshot, this::harmonizer, settings, target, ctx);
            }
        });
        Alert progress = showProgress ? progressWindow(task) : null;
        task.onSuccess(p -> {
            close(progress);
            notifier.info("Exported " + p.getFileName());
        }).onFailure(e -> {
            close(progress);
            notifier.error("Export failed", e);
        }).onCancelled(() -> {
            close(progress);
            notifier.info("Export cancelled");
        });
        Task<Path> fx = io.submit(task);
        if (progress != null) {
            ((ProgressBar) progress.getDialogPane().lookup("#export-progress")).progressProperty().bind(fx.progressProperty());
            ((Label) progress.getDialogPane().lookup("#export-message")).textProperty().bind(fx.messageProperty());
            progress.show();
        }
        return task;
    }

    private Alert progressWindow(BackgroundTask<Path> task) {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("export-progress");
        bar.setPrefWidth(320);
        Label message = new Label("Starting…");
        message.setId("export-message");
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Exporting");
        alert.setHeaderText("Exporting the harmonized image");
        alert.getDialogPane().setContent(new VBox(8, message, bar));
        alert.setOnCloseRequest(e -> task.cancel());
        alert.resultProperty().addListener((o, a, b) -> task.cancel());
        return alert;
    }

    private static void close(Alert progress) {
        if (progress != null && progress.isShowing()) {
            progress.setOnCloseRequest(null);
            progress.setResult(ButtonType.OK);
            progress.close();
        }
    }

    /** Resolves (and on first use loads) a layer's model on the export thread; classic stands in for a failed one. */
    private Harmonizer harmonizer(String model) {
        HarmonizerResolver.Resolution r = resolver.resolve(model);
        r.newFailure().ifPresent(e -> Platform.runLater(() -> notifier.error("Model " + model
                + " is unavailable, exporting with classic: " + e.getMessage())));
        return r.harmonizer();
    }
}
