package com.hdcompose.app.project;

import com.hdcompose.app.canvas.CanvasView;
import com.hdcompose.app.fx.FxImages;
import com.hdcompose.app.fx.FxTaskExecutor;
import com.hdcompose.app.notify.Notifier;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.document.CompositeImport;
import com.hdcompose.engine.document.BackgroundCommand;
import com.hdcompose.engine.document.history.CompoundCommand;
import com.hdcompose.engine.document.LayerStackCommand;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskFileReader;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.task.BackgroundTask;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;

/**
 * Brings pictures into the document from files (menu, drag-and-drop) and the clipboard: as the background, as a new
 * object layer (its alpha channel becomes the mask, else the mask starts full), or a composite with its mask. Files are decoded off the FX
 * thread; every failure is reported and leaves the document as it was.
 */
public final class ImportActions {
    /** {@code base}, or {@code base 2}, {@code base 3}… when a layer already has that name. */
    private String uniqueName(String base) {
        java.util.Set<String> names = new java.util.HashSet<>();
        session.document().layers().forEach(l -> names.add(l.name()));
        String name = base;
        for (int i = 2; names.contains(name); i++) {
            name = base + " " + i;
        }
        return name;
    }

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

    /**
     * Opens a composite and its mask as a new scene: the composite (with the object's region filled in) becomes the
     * background and the masked object its only layer, exactly where it was; read and split off the FX thread, one
     * undoable step (the previous background and layers come back with undo).
     */
    public BackgroundTask<CompositeImport.Split> openCompositeWithMask(Path composite, Path mask) {
        HarmonizeOptions settings = session.document().settings();
        String name = layerName(composite.getFileName().toString());
        BackgroundTask<CompositeImport.Split> task = BackgroundTask.of("Open " + composite.getFileName(), ctx -> {
            try (DecodedImage comp = ImageFileReader.read(composite); ManagedMat m = MaskFileReader.read(mask)) {
                return CompositeImport.split(comp.rgb(), m, name, settings);
            }
        });
        task.onSuccess(split -> {
            CompositionDocument doc = session.document();
            boolean resized = split.background().width() != doc.width() || split.background().height() != doc.height();
            session.execute(new CompoundCommand<>("Open composite with mask", List.of(
                    BackgroundCommand.of(doc, split.background()),
                    new LayerStackCommand("Open composite with mask", doc.layers(), doc.object().orElse(null),
                            List.of(split.layer()), split.layer()))));
            if (resized) {
                canvas.fitLater();
            }
            notifier.info("Composite " + composite.getFileName() + " with mask " + mask.getFileName()
                    + ": the object is layer \u201c" + name + "\u201d");
        }).onFailure(e -> notifier.error("Could not open " + composite.getFileName() + " with "
                + mask.getFileName(), e));
        io.execute(task);
        return task;
    }

    /** The layer name for a file: its name without extension and without a _comp suffix. */
    static String layerName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        return stem.toLowerCase(java.util.Locale.ROOT).endsWith("_comp") ? stem.substring(0, stem.length() - 5) : stem;
    }

    /** Puts a decoded picture into the document as one undoable step; takes ownership of {@code image}. */
    public void place(DecodedImage image, Target target, String name) {
        try (image) {
            CompositionDocument doc = session.document();
            if (target == Target.BACKGROUND) {
                boolean resized = image.width() != doc.width() || image.height() != doc.height();
                session.execute(BackgroundCommand.of(doc, image.rgb().copy()));
                if (resized) {
                    canvas.fitLater();
                }
                notifier.info("Background: " + name + " (" + image.width() + "×" + image.height() + ")");
            } else {
                Placement placement = Placement.centred(doc.width(), doc.height(), image.width(), image.height(), 0.45);
                ObjectLayer plain = ObjectLayer.fromDecoded(image, placement);
                ObjectLayer layer = new ObjectLayer(plain.image(), plain.mask(), placement, uniqueName(layerName(name)),
                        true, doc.settings());
                session.execute(LayerStackCommand.add(doc, layer, "Add object"));
                notifier.info("Object: " + name + (image.alpha().isPresent()
                        ? " (mask from its transparency)" : " (full mask: brush away what is not the object)"));
            }
        } catch (RuntimeException e) {
            notifier.error("Could not place " + name, e);
        }
    }
}
