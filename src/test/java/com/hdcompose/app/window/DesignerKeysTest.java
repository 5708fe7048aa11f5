package com.hdcompose.app.window;

import static com.hdcompose.app.EditorFixture.call;
import static com.hdcompose.app.EditorFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.app.EditorUiTest;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.app.session.Tool;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Designer conventions: tool keys, brush sizes up to 2,000 px and more, K slider steps of one, Esc / Ctrl+W close windows. */
class DesignerKeysTest extends EditorUiTest {
    @Test
    void toolKeysAndBrushSizes(FxRobot robot) {
        robot.clickOn(fx.screenOf(20, 20));
        robot.type(KeyCode.B);
        assertThat(call(() -> fx.session().toolProperty().get())).isEqualTo(Tool.BRUSH);
        robot.type(KeyCode.X);
        assertThat(call(() -> fx.session().toolProperty().get())).isEqualTo(Tool.ERASER);
        robot.type(KeyCode.X);
        assertThat(call(() -> fx.session().toolProperty().get())).isEqualTo(Tool.BRUSH);
        robot.type(KeyCode.E);
        assertThat(call(() -> fx.session().toolProperty().get())).isEqualTo(Tool.ERASER);
        robot.type(KeyCode.V);
        assertThat(call(() -> fx.session().toolProperty().get())).isEqualTo(Tool.MOVE);
        double before = call(() -> fx.session().brushSizeProperty().get());
        robot.type(KeyCode.CLOSE_BRACKET);
        assertThat(call(() -> fx.session().brushSizeProperty().get())).isGreaterThan(before);
        robot.type(KeyCode.CLOSE_BRACKET, 60);
        assertThat(call(() -> fx.session().brushSizeProperty().get())).isEqualTo(EditorSession.MAX_BRUSH)
                .isGreaterThanOrEqualTo(2000);
        assertThat(call(() -> fx.window.getScene().lookup("#brush-size").getClass().getSimpleName())).isEqualTo("Slider");
        assertThat(call(() -> ((javafx.scene.control.Slider) fx.window.getScene().lookup("#brush-size")).getMax()))
                .isGreaterThanOrEqualTo(2000);
    }

    @Test
    void featheringRunsInTheBackgroundAndIsUndoable(FxRobot robot) {
        robot.clickOn(fx.screenOf(20, 20));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> com.hdcompose.testsupport.TestDocs.maskAt(fx.layer(), 0, 30) < 0.65f);
        robot.interact(() -> fx.session().undo());
        assertThat(call(() -> com.hdcompose.testsupport.TestDocs.maskAt(fx.layer(), 0, 30))).isEqualTo(1f);
    }

    @Test
    void toolLettersTypeIntoTextFieldsInsteadOfSwitchingTools(FxRobot robot) {
        robot.doubleClickOn("#layer-name").eraseText(10).write("Vex box").type(KeyCode.ENTER);
        assertThat(call(() -> fx.layer().name())).isEqualTo("Vex box");
        assertThat(call(() -> fx.session().toolProperty().get())).isEqualTo(Tool.MOVE);
    }

    @Test
    void oneArrowPressMovesKByOne(FxRobot robot) {
        robot.interact(() -> fx.window.inspector().k.setValue(1));
        robot.clickOn("#k-slider");
        robot.interact(() -> fx.window.inspector().k.setValue(1));
        robot.interact(() -> fx.window.inspector().k.requestFocus());
        robot.type(KeyCode.RIGHT);
        assertThat(call(() -> fx.window.inspector().k.getValue())).isEqualTo(2);
        assertThat(call(() -> fx.doc().settings().k())).isEqualTo(2);
        robot.type(KeyCode.LEFT);
        assertThat(call(() -> fx.doc().settings().k())).isEqualTo(1);
    }

    @Test
    void escapeAndCtrlWCloseTheKComparisonWindow(FxRobot robot) {
        robot.clickOn("#compare-k");
        waitUntil(() -> fx.window.kCompare().stage() != null && fx.window.kCompare().stage().isShowing());
        Stage k = call(() -> fx.window.kCompare().stage());
        robot.targetWindow(k).interact(k::requestFocus);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !k.isShowing());
        robot.targetWindow(fx.window.stage()).clickOn("#compare-k");
        waitUntil(k::isShowing);
        robot.targetWindow(k).interact(k::requestFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        waitUntil(() -> !k.isShowing());
        assertThat(call(() -> fx.window.stage().isShowing())).as("the editor stays open").isTrue();
    }
}
