package com.hdcompose.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;

/** Base of the editor's TestFX tests: a fresh editor window per test on a synthetic document, closed afterwards. */
@ExtendWith(ApplicationExtension.class)
public abstract class EditorUiTest {
    protected EditorFixture fx;
    protected Stage stage;

    /** How long the fake model takes per run. */
    protected long harmonizerDelayMillis() {
        return 5;
    }

    /** How long the fake provider takes to load a model (first use of each id). */
    protected long modelLoadMillis() {
        return 0;
    }

    @BeforeEach
    void startEditor() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            try {
                fx = new EditorFixture(stage, harmonizerDelayMillis(), modelLoadMillis());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void closeEditor(FxRobot robot) {
        robot.interact(fx.window::shutdown);
    }
}
