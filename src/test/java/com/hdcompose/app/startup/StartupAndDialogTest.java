package com.hdcompose.app.startup;

import static com.hdcompose.app.EditorFixture.call;
import static org.assertj.core.api.Assertions.assertThat;


import com.hdcompose.app.export.ExportDialog;
import com.hdcompose.app.window.AppServices;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.imaging.OpenCvLoader;
import com.hdcompose.engine.project.ProjectWriter;
import com.hdcompose.engine.project.RecentFiles;
import com.hdcompose.engine.project.RecoveryStore;
import com.hdcompose.engine.render.ExportSettings;
import com.hdcompose.engine.task.CancellationToken;
import com.hdcompose.testsupport.FakeProvider;
import com.hdcompose.testsupport.TestDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** First-document choice at start-up, launch options and the export dialog's fields. */
@ExtendWith(ApplicationExtension.class)
class StartupAndDialogTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private AppServices services(Optional<Path> assets) {
        OpenCvLoader.load();
        return new AppServices(new FakeProvider(1), new RecentFiles(dir.resolve("recent.json")),
                new RecoveryStore(dir.resolve("recovery.hdcomp")), assets);
    }

    @Test
    void firstStartOpensTheDemoSceneAndFallsBackToABlankCanvas() {
        StartupDocument startup = new StartupDocument();
        CompositionDocument demo = startup.choose(services(Optional.of(Path.of("assets"))),
                LaunchOptions.parse(List.of()), false);
        assertThat(demo.width()).isEqualTo(1600);
        assertThat(demo.object()).isPresent();
        assertThat(startup.problem()).isNull();
        CompositionDocument blank = new StartupDocument().choose(services(Optional.empty()), LaunchOptions.parse(List.of()), false);
        assertThat(blank.object()).isEmpty();
    }

    @Test
    void aProjectNamedOnTheCommandLineOpensAndABrokenOneIsReported() throws Exception {
        Path project = dir.resolve("p.hdcomp");
        ProjectWriter.write(TestDocs.simple().snapshot(), project, CancellationToken.none());
        StartupDocument ok = new StartupDocument();
        assertThat(ok.choose(services(Optional.of(Path.of("assets"))), LaunchOptions.parse(List.of(project.toString())), false)
                .width()).isEqualTo(320);
        assertThat(ok.file()).isEqualTo(project);
        Path broken = Files.writeString(dir.resolve("broken.hdcomp"), "nope");
        StartupDocument bad = new StartupDocument();
        CompositionDocument doc = bad.choose(services(Optional.of(Path.of("assets"))),
                LaunchOptions.parse(List.of(broken.toString())), false);
        assertThat(doc.width()).isEqualTo(1600);
        assertThat(bad.problem()).contains("broken.hdcomp");
    }

    @Test
    void launchOptionsParseScreenshotAndModel() {
        LaunchOptions o = LaunchOptions.parse(List.of("--model", "hdnet-lite", "--screenshot", "out.png",
                "--screenshot-view", "knn"));
        assertThat(o.model()).isEqualTo("hdnet-lite");
        assertThat(o.screenshot()).isEqualTo(Path.of("out.png"));
        assertThat(o.screenshotView()).isEqualTo("knn");
        assertThat(o.open()).isNull();
    }

    @Test
    void exportDialogDefaultsToPngUpTo2048AndEnablesQualityForJpeg(FxRobot robot) {
        ExportDialog dialog = call(() -> new ExportDialog(stage, 4000, 3000));
        assertThat(call(() -> dialog.current())).isEqualTo(new ExportSettings(ExportSettings.Format.PNG, 92, 2048));
        assertThat(call(() -> dialog.quality.isDisabled())).isTrue();
        robot.interact(() -> dialog.format.setValue(ExportSettings.Format.JPEG));
        assertThat(call(() -> dialog.quality.isDisabled())).isFalse();
        ExportDialog small = call(() -> new ExportDialog(stage, 800, 600));
        assertThat(call(() -> small.current().longSide())).isEqualTo(800);
    }
}
