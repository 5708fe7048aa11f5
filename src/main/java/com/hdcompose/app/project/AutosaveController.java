package com.hdcompose.app.project;

import com.hdcompose.app.fx.FxTaskExecutor;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.project.RecoveryStore;
import com.hdcompose.engine.task.BackgroundTask;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** Every 30 s, writes the document to the recovery file if it changed since the last autosave (off the FX thread). */
public final class AutosaveController {
    private final EditorSession session;
    private final RecoveryStore store;
    private final FxTaskExecutor io;
    private final Timeline timeline;
    private boolean saving;

    public AutosaveController(EditorSession session, RecoveryStore store, FxTaskExecutor io, Duration interval) {
        this.session = session;
        this.store = store;
        this.io = io;
        this.timeline = new Timeline(new KeyFrame(interval, e -> autosaveNow()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public void start() {
        timeline.play();
    }

    /** Writes the recovery file now if there is something new to protect; returns the task or null. */
    public BackgroundTask<Void> autosaveNow() {
        long revision = session.document().revision();
        if (saving || !session.dirtyProperty().get() || !store.needsSave(revision)) {
            return null;
        }
        saving = true;
        DocumentSnapshot snapshot = session.document().snapshot();
        BackgroundTask<Void> task = BackgroundTask.of("Autosave", ctx -> {
            try (snapshot) {
                store.save(snapshot);
                return null;
            }
        });
        task.onSuccess(v -> saving = false).onFailure(e -> saving = false).onCancelled(() -> saving = false);
        io.execute(task);
        return task;
    }

    /** Clean exit: stop and delete the recovery file. */
    public void stopAndDiscard() {
        timeline.stop();
        store.discard();
    }
}
