package com.hdcompose.app.startup;

import com.hdcompose.app.project.ImportActions;
import com.hdcompose.app.window.EditorWindow;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DemoScene;
import com.hdcompose.engine.document.LayerStackCommand;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.document.RenderedComposite;
import com.hdcompose.engine.document.ValueCommand;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ImageFileWriter;
import com.hdcompose.engine.project.MaskPng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scenes the screenshot mode sets up through the editor's own actions, so the documentation shows real features:
 * three objects with the layers panel, a composite opened with its mask, an error notice, the transform fields.
 */
final class ScreenshotScenes {
    private ScreenshotScenes() {
    }

    /** The demo object plus two copies, scaled and placed apart, named; the middle one selected and rotated. */
    static void threeObjects(EditorWindow window) {
        CompositionDocument doc = window.session().document();
        ObjectLayer first = doc.object().orElseThrow();
        window.session().execute(ValueCommand.rename(first, first.name(), "Headland"));
        Placement p = first.placement();
        double w = doc.width();
        ObjectLayer left = first.duplicate("Headland small", new Placement(0.47 * w, p.y() + 0.1 * doc.height(),
                p.scaleX() * 0.45, p.scaleY() * 0.45, 0));
        window.session().execute(LayerStackCommand.add(doc, left, "Add"));
        ObjectLayer right = first.duplicate("Headland mirrored", new Placement(0.8 * w,
                p.y() + 0.08 * doc.height(), -p.scaleX() * 0.6, p.scaleY() * 0.6, -4));
        window.session().execute(LayerStackCommand.add(doc, right, "Add"));
        doc.select(left);
        window.session().execute(ValueCommand.placement(left, "Rotate", left.placement(),
                left.placement().withRotation(12), null));
    }

    /**
     * The demo object on the blue-hour sea photo of {@code assets/photos} (read here, in the screenshot mode only),
     * dragged to just above the horizon left of the middle: its matched cells differ (sky, haze, far shore, sea), so
     * K = 1, 5 and 9 give clearly different light.
     */
    static void onBlueHourSea(EditorWindow window, Path assetsDir) {
        Path photo = assetsDir.resolve("photos").resolve("blue-hour-sea.jpg");
        window.imports().place(ImageFileReader.read(photo), ImportActions.Target.BACKGROUND,
                photo.getFileName().toString());
        CompositionDocument doc = window.session().document();
        ObjectLayer layer = doc.object().orElseThrow();
        Placement p = layer.placement();
        double scale = 0.6;
        window.session().execute(ValueCommand.placement(layer, "Move", p, new Placement(
                0.3 * (doc.width() - scale * layer.width()), 0.7 * doc.height() - scale * layer.height(), scale, scale,
                0), null));
    }

    /** The demo object dragged from the dim shore to the bright middle by the sun (where K changes it most). */
    static void byTheSun(EditorWindow window) {
        CompositionDocument doc = window.session().document();
        ObjectLayer layer = doc.object().orElseThrow();
        Placement p = layer.placement();
        window.session().execute(ValueCommand.placement(layer, "Move", p, bySun(doc, p).withRotation(p.rotation()),
                null));
    }

    /** {@code p} moved to the bright middle by the demo background's sun, unrotated. */
    private static Placement bySun(CompositionDocument doc, Placement p) {
        return new Placement(0.6 * doc.width(), p.y(), p.scaleX(), p.scaleY(), 0);
    }

    /**
     * The demo object twice, as two layers: where the scene puts it (the dim left shore) and a copy of the same size in
     * the bright middle by the sun, so each is harmonized by the light around it (issue 17: placement).
     */
    static void twoPlaces(EditorWindow window) {
        CompositionDocument doc = window.session().document();
        ObjectLayer first = doc.object().orElseThrow();
        window.session().execute(ValueCommand.rename(first, first.name(), "Dim shore"));
        Placement p = first.placement();
        ObjectLayer copy = first.duplicate("By the sun", bySun(doc, p));
        window.session().execute(LayerStackCommand.add(doc, copy, "Add"));
        doc.select(copy);
    }

    /** Writes the demo scene flattened (composite and its mask) as NAME_comp / NAME_mask files and opens them. */
    static void compositeWithMask(EditorWindow window, Path assetsDir) {
        try (RenderedComposite scene = DemoScene.rendered(assetsDir)) {
            Path dir = Files.createTempDirectory("hdc-shot");
            Path comp = dir.resolve("lake_comp.png");
            Path mask = dir.resolve("lake_mask.png");
            ImageFileWriter.write(scene.image(), comp);
            Files.write(mask, MaskPng.encode(scene.mask()));
            window.imports().openCompositeWithMask(comp, mask);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a truncated JPEG, which ends in the error notice (the document stays as it was). */
    static void brokenFile(EditorWindow window) {
        try {
            Path dir = Files.createTempDirectory("hdc-shot");
            Path broken = dir.resolve("holiday.jpg");
            Files.write(broken, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});
            window.imports().openFile(broken, ImportActions.Target.OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
