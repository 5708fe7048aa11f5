package com.hdcompose.app.window;

import static com.hdcompose.app.EditorFixture.call;
import static com.hdcompose.app.EditorFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;


import com.hdcompose.app.EditorUiTest;
import com.hdcompose.app.project.ImportActions;
import com.hdcompose.engine.project.RecoveryStore;
import java.nio.file.Files;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class SessionLifecycleTest extends EditorUiTest {
    @Test
    void autosaveWritesARecoveryFileThatRestoresTheWork(FxRobot robot) {
        robot.interact(() -> KeyboardShortcuts.nudge(fx.session(), KeyCode.RIGHT, 7));
        robot.interact(() -> fx.window.autosave().autosaveNow());
        RecoveryStore store = new RecoveryStore(fx.dir.resolve("recovery.hdcomp"));
        waitUntil(store::hasRecovery);
        double x = fx.placement().x();
        assertThat(store.restore().orElseThrow().object().orElseThrow().placement().x()).isEqualTo(x);
        assertThat(call(() -> fx.window.autosave().autosaveNow())).isNull();
    }

    @Test
    void closingWithUnsavedChangesAsksAndDontSaveCloses(FxRobot robot) {
        robot.interact(() -> KeyboardShortcuts.nudge(fx.session(), KeyCode.UP, 1));
        javafx.application.Platform.runLater(() -> fx.window.requestClose());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Don't Save");
        waitUntil(() -> !stage.isShowing());
        assertThat(Files.exists(fx.dir.resolve("recovery.hdcomp"))).isFalse();
    }

    @Test
    void cancellingTheUnsavedPromptKeepsTheWindowOpen(FxRobot robot) {
        robot.interact(() -> KeyboardShortcuts.nudge(fx.session(), KeyCode.UP, 1));
        javafx.application.Platform.runLater(() -> fx.window.requestClose());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Cancel");
        assertThat(call(stage::isShowing)).isTrue();
        assertThat(call(() -> fx.session().dirtyProperty().get())).isTrue();
    }

    @Test
    void pastingATransparentImageAddsAnObjectMaskedByItsAlpha(FxRobot robot) {
        robot.interact(() -> {
            WritableImage img = new WritableImage(30, 20);
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 30; x++) {
                    img.getPixelWriter().setColor(x, y, x < 15 ? Color.TRANSPARENT : Color.ORANGE);
                }
            }
            ClipboardContent content = new ClipboardContent();
            content.putImage(img);
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.interact(() -> fx.window.imports().paste(ImportActions.Target.OBJECT));
        waitUntil(() -> fx.layer().width() == 30);
        assertThat(call(() -> com.hdcompose.testsupport.TestDocs.maskAt(fx.layer(), 3, 10))).isZero();
        assertThat(call(() -> com.hdcompose.testsupport.TestDocs.maskAt(fx.layer(), 25, 10))).isEqualTo(1f);
    }
}
