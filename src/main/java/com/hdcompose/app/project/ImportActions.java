package com.hdcompose.app.project;

import com.hdcompose.app.canvas.CanvasView;
import com.hdcompose.app.fx.FxImages;
import com.hdcompose.app.fx.FxTaskExecutor;
import com.hdcompose.app.notify.Notifier;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.document.ValueCommand;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.task.BackgroundTask;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;

/**
 * Brings pictures into the document from files (menu, drag-and-drop) and the clipboard: as the background, or as
 * the object layer (its alpha channel becomes the mask, else the mask starts full). Files are decoded off the FX
 * thread; every failure is reported and leaves the document as it was.
 */
public final class ImportActions {
    /** Where an imported picture goes. */
    public enum Target { BACKGROUND, OBJECT }

    private final EditorSession session;
    private final FxTaskExecutor io;
    private final Notifier notifier;
    private final CanvasView canvas;

    public ImportActions(EditorSession session, FxTaskExecutor io, Notifier notifier, CanvasView canvas) {
        this.session = session;
        this.io = io;
        this.notifier = notifier;
        this.canvas = canvas;
    }

    /** Reads {@code file} off the FX thread and places it; returns the task (tests wait on it). */
    public BackgroundTask<DecodedImage> openFile(Path file, Target target) {
        BackgroundTask<DecodedImage> task = BackgroundTask.of("Open " + file.getFileName(),
                ctx -> ImageFileReader.read(file));
        task.onSuccess(img -> place(img, target, file.getFileName().toString()))
                .onFailure(e -> notifier.error("Could not open " + file.getFileName(), e));
        io.execute(task);
        return task;
    }

    /** Pastes the clipboard's image (or first image file) as {@code target}; false if it holds no picture. */
    public boolean paste(Target target) {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (cb.hasFiles()) {
            List<File> files = cb.getFiles();
            if (!files.isEmpty()) {
                openFile(files.get(0).toPath(), target);
                return true;
            }
        }
        if (cb.hasImage()) {
            Image image = cb.getImage();
            try {
                place(FxImages.toDecoded(image), target, "pasted image");
                return true;
            } catch (RuntimeException e) {
                notifier.error("Could not paste", e);
                return false;
            }
        }
        notifier.warn("The clipboard holds no image to paste");
        return false;
    }

    /** Puts a decoded picture into the document as one undoable step; takes ownership of {@code image}. */
    public void place(DecodedImage image, Target target, String name) {
        try (image) {
            CompositionDocument doc = session.document();
            if (target == Target.BACKGROUND) {
                if (image.width() < 8 || image.height() < 8) {
                    notifier.error(name + ": a background must be at least 8x8 pixels");
                    return;
                }
                boolean resized = image.width() != doc.width() || image.height() != doc.height();
                session.execute(ValueCommand.background(doc.background(), image.rgb().copy()));
                if (resized) {
                    canvas.fitLater();
                }
                notifier.info("Background: " + name + " (" + image.width() + "×" + image.height() + ")");
            } else {
                Placement placement = Placement.centred(doc.width(), doc.height(), image.width(), image.height(), 0.45);
                ObjectLayer layer = ObjectLayer.fromDecoded(image, placement);
                session.execute(ValueCommand.object(doc.object().orElse(null), layer));
                notifier.info("Object: " + name + (image.alpha().isPresent()
                        ? " (mask from its transparency)" : " (full mask: brush away what is not the object)"));
            }
        } catch (RuntimeException e) {
            notifier.error("Could not place " + name, e);
        }
    }
}
