package com.hdcompose.app.window;

import static com.hdcompose.app.EditorFixture.call;
import static com.hdcompose.app.EditorFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.app.EditorUiTest;
import com.hdcompose.app.preview.PreviewSprite;
import com.hdcompose.app.session.KnnViewMode;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.render.PreviewQuality;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 17 "drag previews": while the mouse button is still down, quick previews (with their K-neighbour map) are
 * made for where the object now is, the K-neighbour view keeps repainting, and the full-resolution preview comes
 * only once the drag ends.
 */
class DragPreviewFollowTest extends EditorUiTest {
    @Override
    protected long harmonizerDelayMillis() {
        return 40;
    }

    @Test
    void quickPreviewAndNeighbourViewFollowTheObjectDuringTheDrag(FxRobot robot) {
        fx.waitForFullPreview();
        robot.interact(() -> fx.session().view().knnModeProperty().set(KnnViewMode.ALL));
        Placement start = fx.placement();
        Point2D from = fx.screenOf(start.x(), start.y());
        robot.drag(from, MouseButton.PRIMARY);
        long paints = call(() -> fx.window.canvas().paintCount());
        for (int i = 1; i <= 20; i++) {
            robot.moveTo(from.add(3 * i, 2 * i));
        }
        Placement held = fx.placement();
        assertThat(held).isNotEqualTo(start);
        waitUntil(() -> {
            PreviewSprite s = fx.window.preview().spriteProperty().get();
            return s != null && s.placement().equals(fx.layer().placement());
        });
        PreviewSprite during = call(() -> fx.window.preview().spriteProperty().get());
        assertThat(during.quality()).as("quick preview while the button is down").isEqualTo(PreviewQuality.QUICK);
        assertThat(during.run().knn()).as("the quick preview carries the neighbours for the new place").isPresent();
        assertThat(call(() -> fx.window.canvas().paintCount())).as("the canvas and its neighbour view repaint during the drag").isGreaterThan(paints);
        robot.release(MouseButton.PRIMARY);
        PreviewSprite after = fx.waitForFullPreview();
        assertThat(after.placement()).isEqualTo(fx.placement());
        assertThat(after.run().knn()).isPresent();
    }
}
