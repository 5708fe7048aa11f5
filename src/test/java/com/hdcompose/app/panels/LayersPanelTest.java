package com.hdcompose.app.panels;

import static com.hdcompose.app.EditorFixture.call;
import static com.hdcompose.app.EditorFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.app.EditorUiTest;
import com.hdcompose.app.project.ImportActions;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.imaging.ImageFileWriter;
import com.hdcompose.testsupport.TestDocs;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The layers panel in the real window: add (not replace), select, reorder, hide, rename, duplicate, delete, undo. */
class LayersPanelTest extends EditorUiTest {
    private Path objectFile(String name, double r, double g, double b) throws Exception {
        Path p = fx.dir.resolve(name + ".png");
        ImageFileWriter.write(TestDocs.rgb(40, 30, r, g, b), p);
        return p;
    }

    private List<String> names() {
        return call(() -> fx.doc().layers().stream().map(ObjectLayer::name).toList());
    }

    private List<String> listed() {
        return call(() -> fx.window.layers().list.getItems().stream().map(ObjectLayer::name).toList());
    }

    @Test
    void addObjectAddsALayerAndBothAreHarmonized(FxRobot robot) throws Exception {
        Path green = objectFile("green", 10, 200, 10);
        robot.interact(() -> fx.window.imports().openFile(green, ImportActions.Target.OBJECT));
        waitUntil(() -> fx.doc().layers().size() == 2);
        assertThat(names()).containsExactly("Object", "green");
        assertThat(listed()).as("top first").containsExactly("green", "Object");
        assertThat(call(() -> fx.layer().name())).isEqualTo("green");
        waitUntil(() -> fx.window.preview().spritesProperty().get().size() == 2);
        robot.interact(() -> fx.session().undo());
        assertThat(names()).containsExactly("Object");
    }

    @Test
    void reorderHideRenameAndUndo(FxRobot robot) throws Exception {
        Path green = objectFile("green", 10, 200, 10);
        Path blue = objectFile("blue", 10, 10, 200);
        robot.interact(() -> fx.window.imports().openFile(green, ImportActions.Target.OBJECT));
        waitUntil(() -> fx.doc().layers().size() == 2);
        robot.interact(() -> fx.window.imports().openFile(blue, ImportActions.Target.OBJECT));
        waitUntil(() -> fx.doc().layers().size() == 3);
        robot.clickOn("#layer-down");
        assertThat(names()).containsExactly("Object", "blue", "green");
        robot.clickOn("#layer-down");
        assertThat(names()).containsExactly("blue", "Object", "green");
        robot.clickOn("#layer-down");
        assertThat(names()).as("already at the bottom").containsExactly("blue", "Object", "green");
        ObjectLayer top = call(() -> fx.doc().layers().get(2));
        CheckBox box = call(() -> fx.window.layers().list.lookupAll(".list-cell").stream()
                .map(n -> (javafx.scene.control.ListCell<?>) n).filter(c -> c.getItem() == top)
                .map(c -> (CheckBox) c.lookup(".layer-visible")).findFirst().orElseThrow());
        robot.clickOn(box);
        assertThat(call(top::visible)).isFalse();
        assertThat(call(() -> fx.window.layers().list.getItems().get(0))).as("the top row is the top layer")
                .isSameAs(top);
        robot.doubleClickOn("#layer-name").eraseText(4).write("sea").type(KeyCode.ENTER);
        assertThat(call(() -> fx.layer().name())).isEqualTo("sea");
        robot.interact(() -> fx.session().undo());
        assertThat(call(() -> fx.layer().name())).isEqualTo("blue");
        robot.interact(() -> fx.session().undo());
        assertThat(call(top::visible)).isTrue();
        robot.interact(() -> fx.session().undo());
        robot.interact(() -> fx.session().undo());
        assertThat(names()).containsExactly("Object", "green", "blue");
    }

    @Test
    void clickingTheCanvasOrTheListSelectsDuplicateAndDelete(FxRobot robot) throws Exception {
        Path green = objectFile("green", 10, 200, 10);
        robot.interact(() -> fx.window.imports().openFile(green, ImportActions.Target.OBJECT));
        waitUntil(() -> fx.doc().layers().size() == 2);
        ObjectLayer bottom = call(() -> fx.doc().layers().get(0));
        robot.interact(() -> fx.session().execute(com.hdcompose.engine.document.ValueCommand.placement(
                fx.doc().layers().get(1), "Move", fx.doc().layers().get(1).placement(), new Placement(40, 40, 1, 1, 0),
                null)));
        robot.clickOn(fx.screenOf(190, 140));
        assertThat(call(() -> fx.layer())).as("canvas click selects the layer under it").isSameAs(bottom);
        robot.clickOn(fx.screenOf(40, 40));
        assertThat(call(() -> fx.layer().name())).isEqualTo("green");
        robot.interact(() -> fx.window.layers().list.getSelectionModel().select(bottom));
        assertThat(call(() -> fx.layer())).isSameAs(bottom);
        robot.clickOn("#layer-duplicate");
        assertThat(names()).containsExactly("Object", "Object copy", "green");
        robot.clickOn("#layer-delete");
        assertThat(names()).containsExactly("Object", "green");
        robot.interact(() -> fx.session().undo());
        assertThat(names()).containsExactly("Object", "Object copy", "green");
    }

    @Test
    void numericTransformFieldsPlaceTheSelectedLayer(FxRobot robot) {
        robot.clickOn(fx.screenOf(20, 20));
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        assertThat(call(() -> fx.window.transform().x.isFocused())).isTrue();
        robot.write("123.5").type(KeyCode.ENTER);
        assertThat(fx.placement().x()).isEqualTo(123.5);
        robot.clickOn("#transform-scale").eraseText(10).write("50").type(KeyCode.ENTER);
        assertThat(fx.placement().scaleX()).isEqualTo(0.5);
        robot.clickOn("#transform-rotation").eraseText(10).write("abc").type(KeyCode.ENTER);
        assertThat(fx.placement().rotation()).isZero();
        assertThat(call(() -> fx.window.transform().rotation.getText())).isEqualTo("0.0");
        robot.interact(() -> fx.session().undo());
        assertThat(fx.placement().scaleX()).isEqualTo(1);
        assertThat(fx.placement().x()).isEqualTo(123.5);
    }
}
