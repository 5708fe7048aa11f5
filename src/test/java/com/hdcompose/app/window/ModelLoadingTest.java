package com.hdcompose.app.window;

import static com.hdcompose.app.EditorFixture.call;
import static com.hdcompose.app.EditorFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.app.EditorUiTest;
import com.hdcompose.engine.document.ValueCommand;
import com.hdcompose.engine.render.ExportSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Export and the K comparison start at once although the model they need takes 700 ms to load: loading happens in
 * their background task, never on the FX thread.
 */
class ModelLoadingTest extends EditorUiTest {
    @Override
    protected long modelLoadMillis() {
        return 700;
    }

    private long millisOnFx(FxRobot robot, Runnable action) {
        long[] took = new long[1];
        robot.interact(() -> {
            long t0 = System.nanoTime();
            action.run();
            took[0] = (System.nanoTime() - t0) / 1_000_000;
        });
        return took[0];
    }

    @Test
    void exportAndKComparisonLoadModelsOffTheFxThread(FxRobot robot) {
        Path png = fx.dir.resolve("out.png");
        long export = millisOnFx(robot, () -> {
            fx.session().execute(ValueCommand.settings(fx.layer(), "Model", fx.doc().settings(),
                    fx.doc().settings().withModel("hdnet"), null));
            fx.window.exporter().start(new ExportSettings(ExportSettings.Format.PNG, 95, 320), png, false);
        });
        long compare = millisOnFx(robot, () -> {
            fx.session().execute(ValueCommand.settings(fx.layer(), "Model", fx.doc().settings(),
                    fx.doc().settings().withModel("classic"), null));
            fx.window.kCompare().show(fx.window.stage());
        });
        waitUntil(() -> Files.exists(png));
        waitUntil(() -> fx.window.kCompare().stage() != null && fx.window.kCompare().stage().isShowing());
        assertThat(export).as("export returns at once").isLessThan(400);
        assertThat(compare).as("K comparison returns at once").isLessThan(400);
        assertThat(fx.provider.loadThreads).isNotEmpty().noneMatch(t -> t.contains("JavaFX"));
        robot.interact(() -> fx.window.kCompare().stage().close());
        assertThat(call(() -> fx.window.notifier().lastMessageProperty().get())).doesNotContain("unavailable");
    }
}
