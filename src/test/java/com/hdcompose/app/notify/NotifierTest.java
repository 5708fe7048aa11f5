package com.hdcompose.app.notify;

import static com.hdcompose.app.EditorFixture.call;
import static com.hdcompose.app.EditorFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.app.EditorUiTest;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Notices in the real window: information fades, errors stay until dismissed, none covers the status bar. */
class NotifierTest extends EditorUiTest {
    @Test
    void errorsStayUntilDismissedAndInformationFades(FxRobot robot) throws Exception {
        Notifier n = fx.window.notifier();
        robot.interact(() -> {
            n.setAutoHide(Duration.millis(300), Duration.millis(300));
            n.info("Background: lake.jpg");
            n.error("Could not open broken.png: file is truncated");
        });
        assertThat(call(() -> n.notices().size())).isEqualTo(2);
        Thread.sleep(1200);
        assertThat(call(() -> n.notices().stream().map(h -> h.getStyleClass().contains("notice-error")).toList()))
                .containsExactly(true);
        HBox error = call(() -> n.notices().get(0));
        robot.clickOn((Node) call(() -> error.lookup(".notice-close")));
        assertThat(call(() -> n.notices())).isEmpty();
    }

    @Test
    void aFileNameIsSaidOnce(FxRobot robot) {
        Notifier n = fx.window.notifier();
        robot.interact(() -> n.error("Could not open holiday.jpg",
                new IllegalStateException("holiday.jpg: file is truncated (JPEG header incomplete)")));
        assertThat(call(() -> n.lastMessageProperty().get()))
                .isEqualTo("Could not open holiday.jpg: file is truncated (JPEG header incomplete)");
    }

    @Test
    void noticesLieOverTheCanvasNotTheStatusBar(FxRobot robot) {
        Notifier n = fx.window.notifier();
        robot.interact(() -> {
            for (int i = 0; i < 6; i++) {
                n.error("A long error message number " + i + " that wraps over more than one line of the notice area");
            }
        });
        waitUntil(() -> n.notices().size() == Notifier.MAX_VISIBLE);
        Bounds area = call(() -> n.area().localToScene(n.area().getLayoutBounds()));
        Bounds status = call(() -> {
            Node bar = fx.window.getScene().getRoot().lookup("#status-bar");
            return bar.localToScene(bar.getLayoutBounds());
        });
        Bounds canvas = call(() -> fx.window.canvas().localToScene(fx.window.canvas().getLayoutBounds()));
        assertThat(area.getMaxY()).isLessThanOrEqualTo(status.getMinY());
        assertThat(area.getMaxY()).isLessThanOrEqualTo(canvas.getMaxY() + 0.5);
        assertThat(call(() -> ((Button) n.notices().get(0).lookup(".notice-close")).isVisible())).isTrue();
    }
}
