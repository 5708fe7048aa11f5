package com.hdcompose.app.canvas;

import static com.hdcompose.app.EditorFixture.call;
import static com.hdcompose.app.EditorFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;


import com.hdcompose.app.EditorUiTest;
import com.hdcompose.app.preview.PreviewController;
import com.hdcompose.app.preview.PreviewSprite;
import com.hdcompose.app.window.KeyboardShortcuts;
import com.hdcompose.engine.document.Placement;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Zoom, pan and rotation on the canvas, and cancellation of a stale full-resolution refinement. */
class CanvasNavigationTest extends EditorUiTest {
    private double zoom() {
        return call(() -> fx.window.canvas().viewTransform().zoom());
    }

    @Test
    void wheelZoomsAndShortcutsFitOrShowActualSize(FxRobot robot) {
        double fit = zoom();
        robot.moveTo(fx.screenOf(160, 120));
        robot.scroll(3, javafx.geometry.VerticalDirection.UP);
        assertThat(zoom()).isNotEqualTo(fit);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        assertThat(zoom()).isEqualTo(1.0);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertThat(zoom()).isEqualTo(fit);
    }

    @Test
    void middleButtonAndSpaceDragPanWithoutMovingTheObject(FxRobot robot) {
        Placement before = fx.placement();
        Point2D centre = fx.screenOf(160, 120);
        robot.drag(centre, MouseButton.MIDDLE).moveTo(centre.add(50, 20)).release(MouseButton.MIDDLE);
        assertThat(fx.screenOf(160, 120).getX()).isCloseTo(centre.getX() + 50, org.assertj.core.data.Offset.offset(1.0));
        Point2D now = fx.screenOf(160, 120);
        robot.press(KeyCode.SPACE);
        robot.drag(now, MouseButton.PRIMARY).moveTo(now.add(-30, 0)).release(MouseButton.PRIMARY);
        robot.release(KeyCode.SPACE);
        assertThat(fx.screenOf(160, 120).getX()).isCloseTo(now.getX() - 30, org.assertj.core.data.Offset.offset(1.0));
        assertThat(fx.placement()).isEqualTo(before);
    }

    @Test
    void rotateHandleRotatesAndShiftSnapsTo15Degrees(FxRobot robot) {
        Point2D handle = call(() -> new ObjectHandles(fx.layer(), fx.window.canvas().viewTransform()).rotateHandle);
        Point2D screen = call(() -> fx.window.canvas().localToScreen(handle));
        Point2D centre = fx.screenOf(160, 120);
        robot.press(KeyCode.SHIFT);
        robot.drag(screen, MouseButton.PRIMARY).moveTo(new Point2D(centre.getX() + 120, centre.getY() - 118))
                .release(MouseButton.PRIMARY);
        robot.release(KeyCode.SHIFT);
        double rotation = fx.placement().rotation();
        assertThat(rotation).isBetween(30.0, 60.0);
        assertThat(rotation % 15).isZero();
        assertThat(call(() -> fx.session().history().undoLabel().orElse(""))).isEqualTo("Rotate object");
    }

    @Test
    void aNewEditCancelsARunningRefinement(FxRobot robot) {
        fx.waitForFullPreview();
        fx.provider.harmonizer.setDelay(1500);
        robot.interact(() -> KeyboardShortcuts.nudge(fx.session(), KeyCode.LEFT, 5));
        waitUntil(() -> fx.window.preview().spriteProperty().get().revision() == fx.doc().revision());
        int started = fx.provider.harmonizer.runs.get();
        robot.sleep(PreviewController.REFINE_DELAY_MS + 300);
        robot.interact(() -> fx.window.inspector().strength.setValue(50));
        waitUntil(() -> fx.provider.harmonizer.cancelled.get() > 0);
        fx.provider.harmonizer.setDelay(5);
        PreviewSprite last = fx.waitForFullPreview();
        assertThat(last.options().strength()).isEqualTo(0.5);
        assertThat(fx.provider.harmonizer.runs.get()).isGreaterThan(started);
    }
}
