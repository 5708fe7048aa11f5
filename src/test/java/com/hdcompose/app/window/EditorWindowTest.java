package com.hdcompose.app.window;

import static com.hdcompose.app.EditorFixture.call;
import static com.hdcompose.app.EditorFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;


import com.hdcompose.app.EditorUiTest;
import com.hdcompose.app.notify.Notifier;
import com.hdcompose.app.panels.EditorStatusBar;
import com.hdcompose.app.preview.PreviewSprite;
import com.hdcompose.app.project.ImportActions;
import com.hdcompose.app.session.KnnViewMode;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ImageFileWriter;
import com.hdcompose.engine.render.ExportSettings;
import com.hdcompose.testsupport.TestDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.testfx.api.FxRobot;

class EditorWindowTest extends EditorUiTest {
    @Test
    void opensABackgroundAndAnObjectWhoseAlphaBecomesTheMask(FxRobot robot) throws Exception {
        Path bg = fx.dir.resolve("bg.png");
        ImageFileWriter.write(TestDocs.rgb(400, 300, 10, 200, 10), bg);
        Path obj = fx.dir.resolve("obj.png");
        Mat bgra = new Mat(40, 50, CvType.CV_8UC4, new Scalar(0, 0, 255, 255));
        bgra.submat(0, 40, 0, 10).setTo(new Scalar(0, 0, 255, 0));
        Imgcodecs.imwrite(obj.toString(), bgra, new MatOfInt());
        robot.interact(() -> fx.window.imports().openFile(bg, ImportActions.Target.BACKGROUND));
        waitUntil(() -> fx.doc().width() == 400);
        robot.interact(() -> fx.window.imports().openFile(obj, ImportActions.Target.OBJECT));
        waitUntil(() -> fx.layer().width() == 50);
        assertThat(call(() -> TestDocs.maskAt(fx.layer(), 2, 20))).isZero();
        assertThat(call(() -> TestDocs.maskAt(fx.layer(), 30, 20))).isEqualTo(1f);
        robot.interact(() -> fx.session().undo());
        assertThat(call(() -> fx.layer().width())).isEqualTo(80);
        robot.interact(() -> fx.session().undo());
        assertThat(call(() -> fx.doc().width())).isEqualTo(320);
    }

    @Test
    void draggingTheObjectMovesItAndUndoRedoRestore(FxRobot robot) {
        Placement start = fx.placement();
        double zoom = call(() -> fx.window.canvas().viewTransform().zoom());
        Point2D from = fx.screenOf(start.x(), start.y());
        robot.drag(from, MouseButton.PRIMARY).moveTo(from.add(60, 30)).release(MouseButton.PRIMARY);
        Placement moved = fx.placement();
        assertThat(moved.x() - start.x()).isCloseTo(60 / zoom, org.assertj.core.data.Offset.offset(1.5));
        assertThat(moved.y() - start.y()).isCloseTo(30 / zoom, org.assertj.core.data.Offset.offset(1.5));
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(fx.placement()).isEqualTo(start);
        robot.press(KeyCode.CONTROL).press(KeyCode.Y).release(KeyCode.Y).release(KeyCode.CONTROL);
        assertThat(fx.placement()).isEqualTo(moved);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(fx.placement()).isEqualTo(moved);
    }

    @Test
    void arrowKeysNudgeAndCornerHandleScales(FxRobot robot) {
        Placement start = fx.placement();
        robot.clickOn(fx.screenOf(20, 20));
        robot.type(KeyCode.RIGHT, 3);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        assertThat(fx.placement().x()).isEqualTo(start.x() + 3);
        assertThat(fx.placement().y()).isEqualTo(start.y() + 10);
        assertThat(call(() -> fx.session().history().undoSize())).isEqualTo(1);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(fx.placement()).isEqualTo(start);
        Point2D corner = fx.screenOfObject(80, 60);
        robot.drag(corner, MouseButton.PRIMARY).moveTo(corner.add(40, 0)).release(MouseButton.PRIMARY);
        Placement scaled = fx.placement();
        assertThat(scaled.scaleX()).isGreaterThan(1.2);
        assertThat(scaled.scaleY()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void eraserBrushChangesTheMaskAndUndoRestoresIt(FxRobot robot) {
        robot.clickOn("#tool-eraser");
        robot.interact(() -> fx.session().brushSizeProperty().set(6));
        Point2D a = fx.screenOfObject(20, 30);
        Point2D b = fx.screenOfObject(60, 30);
        robot.drag(a, MouseButton.PRIMARY).moveTo(b).release(MouseButton.PRIMARY);
        assertThat(call(() -> TestDocs.maskAt(fx.layer(), 40, 30))).isLessThan(0.05f);
        assertThat(call(() -> TestDocs.maskAt(fx.layer(), 40, 5))).isEqualTo(1f);
        assertThat(call(() -> fx.session().history().undoLabel().orElse(""))).isEqualTo("Erase mask");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(call(() -> TestDocs.maskAt(fx.layer(), 40, 30))).isEqualTo(1f);
        robot.type(KeyCode.CLOSE_BRACKET);
        assertThat(call(() -> fx.session().brushSizeProperty().get())).isGreaterThan(6);
    }

    @Test
    void previewIsComputedOffTheFxThreadAndShown(FxRobot robot) {
        PreviewSprite sprite = fx.waitForFullPreview();
        assertThat(fx.provider.harmonizer.threads).isNotEmpty().allMatch(t -> t.startsWith("hdcompose-preview"));
        assertThat(sprite.bounds().width()).isEqualTo(80);
        assertThat(sprite.run().knn()).isPresent();
        String status = call(() -> ((EditorStatusBar) fx.window.getBottom()).getText());
        assertThat(status).contains("HDNet").contains("full resolution 320×240");
    }

    @Test
    void changingKUpdatesTheNeighbourView(FxRobot robot) {
        fx.waitForFullPreview();
        robot.clickOn("#knn-pointer");
        robot.moveTo(fx.screenOfObject(40, 30));
        long paints = call(() -> fx.window.canvas().paintCount());
        robot.interact(() -> fx.window.inspector().k.setValue(2));
        PreviewSprite sprite = fx.waitForFullPreview();
        assertThat(sprite.run().knn().orElseThrow().k()).isEqualTo(2);
        assertThat(call(() -> fx.doc().settings().k())).isEqualTo(2);
        assertThat(call(() -> fx.window.session().view().knnModeProperty().get())).isEqualTo(KnnViewMode.POINTER);
        assertThat(call(() -> fx.window.canvas().paintCount())).isGreaterThan(paints);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        int initialK = CompositionDocument.DEFAULT_SETTINGS.k();
        assertThat(fx.waitForFullPreview().run().knn().orElseThrow().k()).isEqualTo(initialK);
        assertThat(call(() -> fx.window.inspector().k.getValue())).isEqualTo((double) initialK);
    }

    @Test
    void exportWritesAHarmonizedImageOfTheRequestedSize(FxRobot robot) throws Exception {
        Path png = fx.dir.resolve("out.png");
        Path jpg = fx.dir.resolve("out.jpg");
        robot.interact(() -> fx.window.exporter().start(new ExportSettings(ExportSettings.Format.PNG, 90, 640), png, true));
        waitUntil(() -> Files.exists(png) && !fx.window.notifier().lastMessageProperty().get().isEmpty());
        robot.interact(() -> fx.window.exporter().start(new ExportSettings(ExportSettings.Format.JPEG, 85, 160), jpg, false));
        waitUntil(() -> Files.exists(jpg));
        try (DecodedImage img = ImageFileReader.read(png)) {
            assertThat(img.width()).isEqualTo(640);
            assertThat(img.height()).isEqualTo(480);
            byte[] px = new byte[3];
            img.rgb().mat().get(240, 320, px);
            assertThat(px[0] & 0xff).isBetween(105, 115);
            img.rgb().mat().get(10, 10, px);
            assertThat(px[2] & 0xff).isBetween(155, 165);
        }
        try (DecodedImage img = ImageFileReader.read(jpg)) {
            assertThat(img.width()).isEqualTo(160);
        }
        try (var files = Files.list(fx.dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void projectSaveAndOpenRoundTrip(FxRobot robot) {
        robot.interact(() -> KeyboardShortcuts.nudge(fx.session(), KeyCode.LEFT, 10));
        Placement saved = fx.placement();
        Path file = fx.dir.resolve("scene.hdcomp");
        robot.interact(() -> fx.window.projects().saveTo(file, ok -> { }));
        waitUntil(() -> !fx.session().dirtyProperty().get());
        assertThat(call(() -> fx.window.stage().getTitle())).contains("scene.hdcomp");
        robot.interact(() -> KeyboardShortcuts.nudge(fx.session(), KeyCode.DOWN, 25));
        assertThat(fx.placement()).isNotEqualTo(saved);
        robot.interact(() -> fx.window.projects().open(file));
        waitUntil(() -> fx.placement().equals(saved));
        assertThat(call(() -> fx.session().history().canUndo())).isFalse();
        assertThat(call(() -> fx.session().dirtyProperty().get())).isFalse();
        assertThat(fx.window.projects().recentFiles().list()).contains(file.toAbsolutePath());
    }

    @Test
    void badFilesGiveAMessageAndLeaveTheDocumentIntact(FxRobot robot) throws Exception {
        Placement before = fx.placement();
        Path garbage = Files.writeString(fx.dir.resolve("broken.png"), "this is not a png");
        robot.interact(() -> fx.window.imports().openFile(garbage, ImportActions.Target.BACKGROUND));
        waitUntil(() -> fx.window.notifier().lastMessageProperty().get().contains("broken.png"));
        assertThat(fx.window.notifier().lastLevel()).isEqualTo(Notifier.Level.ERROR);
        Path project = Files.writeString(fx.dir.resolve("fake.hdcomp"), "not a zip");
        robot.interact(() -> fx.window.projects().open(project));
        waitUntil(() -> fx.window.notifier().lastMessageProperty().get().contains("fake.hdcomp"));
        assertThat(call(() -> fx.window.notifier().lastMessageProperty().get())).doesNotContain("\n");
        assertThat(call(() -> fx.doc().width())).isEqualTo(320);
        assertThat(fx.placement()).isEqualTo(before);
    }

    @Test
    void splitViewDividerAndHoldingBackslashFlashesTheOriginal(FxRobot robot) {
        fx.waitForFullPreview();
        robot.clickOn("#split-toggle");
        assertThat(call(() -> fx.session().view().splitViewProperty().get())).isTrue();
        Point2D divider = call(() -> fx.window.canvas().localToScreen(fx.window.canvas().getWidth() / 2, 40));
        robot.drag(divider, MouseButton.PRIMARY).moveTo(divider.add(-100, 0)).release(MouseButton.PRIMARY);
        assertThat(call(() -> fx.session().view().splitPositionProperty().get())).isLessThan(0.45);
        robot.moveTo(fx.screenOf(10, 10));
        robot.press(KeyCode.BACK_SLASH);
        assertThat(call(() -> fx.session().view().flashOriginalProperty().get())).isTrue();
        robot.release(KeyCode.BACK_SLASH);
        assertThat(call(() -> fx.session().view().flashOriginalProperty().get())).isFalse();
    }

    @Test
    void kComparisonShowsThreeThumbnailsAndHowMuchKChangesTheObject(FxRobot robot) {
        robot.clickOn("#compare-k");
        try {
            waitUntil(() -> fx.window.kCompare().stage() != null && fx.window.kCompare().stage().isShowing());
        } catch (AssertionError e) {
            throw new AssertionError(call(() -> fx.window.notifier().lastMessageProperty().get()), e);
        }
        javafx.scene.Parent root = call(() -> fx.window.kCompare().stage().getScene().getRoot());
        javafx.scene.layout.HBox row = (javafx.scene.layout.HBox) root.lookup("#k-compare-row");
        assertThat(call(() -> row.getChildren().size())).isEqualTo(3);
        String caption = call(() -> ((javafx.scene.control.Label) root.lookup("#k-compare-caption")).getText());
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^K = 1 vs K = 9: (\\d+(?:\\.\\d)?) levels").matcher(caption);
        assertThat(m.find()).as(caption).isTrue();
        // the fake model darkens the object to 0.5 of its value at K = 1 and 0.7 at K = 9: a visible difference
        assertThat(Double.parseDouble(m.group(1))).as(caption).isGreaterThan(5);
        String panels = call(() -> row.lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).reduce("", (x, y) -> x + "|" + y));
        assertThat(panels).contains("K = 1   ·   reference").containsPattern("K = 5   ·   vs K = 1: \\d+(\\.\\d)? levels")
                .containsPattern("K = 9   ·   vs K = 1: \\d+(\\.\\d)? levels");
        robot.interact(() -> fx.window.kCompare().stage().close());
    }
}
