package com.hdcompose.app.project;

import com.hdcompose.app.canvas.CanvasView;
import com.hdcompose.engine.project.CompositePair;
import com.hdcompose.engine.project.ProjectFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drag-and-drop of files onto the canvas: a project opens; an image dropped on the left half becomes the
 * background, on the right half a new object layer; a composite dropped with its mask (or a NAME_comp file whose
 * NAME_mask lies beside it) opens as background plus layer in place. The canvas shows which while dragging.
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
            Optional<CompositePair> pair = CompositePair.among(files(e.getDragboard()));
            if (isProject(file)) {
                projects.openWithPrompt(file);
            } else if (pair.isPresent()) {
                imports.openCompositeWithMask(pair.get().composite(), pair.get().mask());
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
        if (CompositePair.among(files(e.getDragboard())).isPresent()) {
            return "Open composite with its mask: the object becomes a layer";
        }
        return target(e.getX(), canvas) == ImportActions.Target.BACKGROUND
                ? "◧  Drop here to use as the BACKGROUND  (right half: object)"
                : "◨  Drop here to add as the OBJECT  (left half: background)";
    }

    private static boolean isProject(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ProjectFormat.EXTENSION);
    }

    private static List<Path> files(Dragboard board) {
        return board.hasFiles() ? board.getFiles().stream().map(File::toPath).toList() : List.of();
    }

    private static Path firstFile(Dragboard board) {
        if (!board.hasFiles()) {
            return null;
        }
        List<File> files = board.getFiles();
        return files.isEmpty() ? null : files.get(0).toPath();
    }
}
