package com.hdcompose.app.session;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DocumentListener;
import com.hdcompose.engine.document.history.Command;
import com.hdcompose.engine.document.history.CommandHistory;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The open document with its undo history, file, unsaved-changes flag and the user's tool choices; all edits go
 * through {@link #execute} or {@link #record} so every one of them can be undone. FX thread only.
 */
public final class EditorSession {
    public static final double MIN_BRUSH = 1;
    public static final double MAX_BRUSH = 2500;

    private final CompositionDocument document;
    private final CommandHistory<CompositionDocument> history;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty", false);
    private final LongProperty revision = new SimpleLongProperty(this, "revision", 0);
    private final LongProperty historyVersion = new SimpleLongProperty(this, "historyVersion", 0);
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", Tool.MOVE);
    private final DoubleProperty brushSize = new SimpleDoubleProperty(this, "brushSize", 40);
    private final DoubleProperty brushHardness = new SimpleDoubleProperty(this, "brushHardness", 0.6);
    private final ViewOptions view = new ViewOptions();

    public EditorSession(CompositionDocument document) {
        this.document = document;
        this.history = new CommandHistory<>(document);
        history.setOnChange(() -> historyVersion.set(historyVersion.get() + 1));
        document.addListener((DocumentListener.Change change, com.hdcompose.engine.document.PixelRect r) -> {
            if (change != DocumentListener.Change.SELECTION) {
                dirty.set(true);
            }
            revision.set(document.revision());
        });
    }

    public CompositionDocument document() {
        return document;
    }

    public CommandHistory<CompositionDocument> history() {
        return history;
    }

    public ViewOptions view() {
        return view;
    }

    /** Executes and records an edit. */
    public void execute(Command<CompositionDocument> command) {
        history.execute(command);
    }

    /** Records an edit that is already applied (end of a drag or brush stroke). */
    public void record(Command<CompositionDocument> command) {
        history.record(command);
    }

    public void undo() {
        history.undo();
    }

    public void redo() {
        history.redo();
    }

    /** Replaces the whole document (project opened, recovery restored); history starts afresh. */
    public void replaceDocument(CompositionDocument other, Path newFile, boolean markDirty) {
        document.replaceWith(other);
        history.clear();
        file.set(newFile);
        dirty.set(markDirty);
    }

    /** Called after a successful save of revision {@code savedRevision} to {@code target}. */
    public void markSaved(Path target, long savedRevision) {
        file.set(target);
        if (document.revision() == savedRevision) {
            dirty.set(false);
        }
        history.seal();
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    /** Mirrors the document's revision; changes on every edit (for redraws and previews). */
    public LongProperty revisionProperty() {
        return revision;
    }

    /** Changes whenever undo/redo availability may have changed. */
    public LongProperty historyVersionProperty() {
        return historyVersion;
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /** Brush radius in background pixels. */
    public DoubleProperty brushSizeProperty() {
        return brushSize;
    }

    public DoubleProperty brushHardnessProperty() {
        return brushHardness;
    }

    /** [ and ]: shrink or grow the brush by one step (about 20 %). */
    public void stepBrushSize(int direction) {
        double next = direction > 0 ? brushSize.get() * 1.25 : brushSize.get() / 1.25;
        brushSize.set(Math.max(MIN_BRUSH, Math.min(MAX_BRUSH, Math.round(next * 10) / 10.0)));
    }

    /** X: swaps brush and eraser (from the move tool, the brush). */
    public void swapBrushAndEraser() {
        tool.set(tool.get() == Tool.BRUSH ? Tool.ERASER : Tool.BRUSH);
    }
}
