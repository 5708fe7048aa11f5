package com.hdcompose.app.project;

import com.hdcompose.app.canvas.CanvasView;
import com.hdcompose.engine.project.ProjectFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drag-and-drop of files onto the canvas: a project opens; an image dropped on the left half becomes the
 * background, on the right half the object (the canvas shows which while dragging).
 */
public final class DropSupport {
    private DropSupport() {
    }

    public static void install(CanvasView canvas, ImportActions imports, ProjectActions projects) {
        canvas.setOnDragOver(e -> {
            Path file = firstFile(e.getDragboard());
            if (file != null) {
                e.acceptTransferModes(TransferMode.COPY);
                canvas.setDropHint(hint(file, e, canvas));
            }
            e.consume();
        });
        canvas.setOnDragExited(e -> canvas.setDropHint(null));
        canvas.setOnDragDropped(e -> {
            Path file = firstFile(e.getDragboard());
            canvas.setDropHint(null);
            if (file == null) {
                e.setDropCompleted(false);
                return;
            }
            if (isProject(file)) {
                projects.openWithPrompt(file);
            } else {
                imports.openFile(file, target(e.getX(), canvas));
            }
            e.setDropCompleted(true);
            e.consume();
        });
    }

    static ImportActions.Target target(double x, CanvasView canvas) {
        return x < canvas.getWidth() / 2 ? ImportActions.Target.BACKGROUND : ImportActions.Target.OBJECT;
    }

    private static String hint(Path file, DragEvent e, CanvasView canvas) {
        if (isProject(file)) {
            return "Open project " + file.getFileName();
        }
        return target(e.getX(), canvas) == ImportActions.Target.BACKGROUND
                ? "◧  Drop here to use as the BACKGROUND  (right half: object)"
                : "◨  Drop here to add as the OBJECT  (left half: background)";
    }

    private static boolean isProject(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ProjectFormat.EXTENSION);
    }

    private static Path firstFile(Dragboard board) {
        if (!board.hasFiles()) {
            return null;
        }
        List<File> files = board.getFiles();
        return files.isEmpty() ? null : files.get(0).toPath();
    }
}
