package com.hdcompose.app.project;

import com.hdcompose.app.fx.FxTaskExecutor;
import com.hdcompose.app.notify.Notifier;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.project.ProjectFormat;
import com.hdcompose.engine.project.ProjectReader;
import com.hdcompose.engine.project.ProjectWriter;
import com.hdcompose.engine.project.RecentFiles;
import com.hdcompose.engine.task.BackgroundTask;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Save, save as, open and recent projects, with the unsaved-changes prompt; reading and writing run off the FX
 * thread, and a failed open or save leaves the open document untouched.
 */
public final class ProjectActions {
    private final EditorSession session;
    private final FxTaskExecutor io;
    private final Notifier notifier;
    private final RecentFiles recent;
    private final Runnable onOpened;
    private Window owner;

    public ProjectActions(EditorSession session, FxTaskExecutor io, Notifier notifier, RecentFiles recent,
                          Runnable onOpened) {
        this.session = session;
        this.io = io;
        this.notifier = notifier;
        this.recent = recent;
        this.onOpened = onOpened;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    /** Ctrl+S: saves to the current file, or asks for one. */
    public void save(Consumer<Boolean> done) {
        Path file = session.fileProperty().get();
        if (file == null) {
            saveAs(done);
        } else {
            saveTo(file, done);
        }
    }

    public void saveAs(Consumer<Boolean> done) {
        FileChooser chooser = chooser("Save project");
        Path current = session.fileProperty().get();
        chooser.setInitialFileName(current == null ? "composition" + ProjectFormat.EXTENSION : current.getFileName().toString());
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            done.accept(false);
            return;
        }
        Path target = f.toPath();
        if (!target.getFileName().toString().endsWith(ProjectFormat.EXTENSION)) {
            target = target.resolveSibling(target.getFileName() + ProjectFormat.EXTENSION);
        }
        saveTo(target, done);
    }

    /** Writes the document to {@code target} in the background; {@code done} gets true on success. */
    public BackgroundTask<Path> saveTo(Path target, Consumer<Boolean> done) {
        DocumentSnapshot snapshot = session.document().snapshot();
        BackgroundTask<Path> task = BackgroundTask.of("Save " + target.getFileName(), ctx -> {
            try (snapshot) {
                ProjectWriter.write(snapshot, target, ctx.token());
                return target;
            }
        });
        task.onSuccess(p -> {
            session.markSaved(p, snapshot.revision());
            recent.add(p);
            notifier.info("Saved " + p.getFileName());
            done.accept(true);
        }).onFailure(e -> {
            notifier.error("Could not save " + target.getFileName(), e);
            done.accept(false);
        });
        io.execute(task);
        return task;
    }

    /** Ctrl+O. */
    public void openWithChooser() {
        File f = chooser("Open project").showOpenDialog(owner);
        if (f != null) {
            openWithPrompt(f.toPath());
        }
    }

    /** Opens {@code file} after offering to save unsaved changes. */
    public void openWithPrompt(Path file) {
        confirmDiscard(proceed -> {
            if (proceed) {
                open(file);
            }
        });
    }

    /** Reads {@code file} in the background and, if it is valid, replaces the document with it. */
    public BackgroundTask<CompositionDocument> open(Path file) {
        BackgroundTask<CompositionDocument> task = BackgroundTask.of("Open " + file.getFileName(),
                ctx -> ProjectReader.read(file));
        task.onSuccess(doc -> {
            session.replaceDocument(doc, file, false);
            recent.add(file);
            onOpened.run();
            notifier.info("Opened " + file.getFileName());
        }).onFailure(e -> notifier.error("Could not open project", e));
        io.execute(task);
        return task;
    }

    /**
     * If there are unsaved changes, asks Save / Don't Save / Cancel; {@code then} gets true when the caller may go
     * on (saved or discarded) and false when the user cancelled or the save failed.
     */
    public void confirmDiscard(Consumer<Boolean> then) {
        if (!session.dirtyProperty().get()) {
            then.accept(true);
            return;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", saveButton, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to " + displayName() + "?");
        alert.setContentText("Your changes will be lost if you don't save them.");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            then.accept(false);
        } else if (answer.get() == discard) {
            then.accept(true);
        } else {
            save(then);
        }
    }

    public String displayName() {
        Path f = session.fileProperty().get();
        return f == null ? "Untitled" : f.getFileName().toString();
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HD Compose project", "*" + ProjectFormat.EXTENSION));
        return chooser;
    }
}
