package com.hdcompose.app;

import com.hdcompose.app.preview.PreviewSprite;
import com.hdcompose.app.session.EditorSession;
import com.hdcompose.app.window.AppServices;
import com.hdcompose.app.window.EditorWindow;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.imaging.OpenCvLoader;
import com.hdcompose.engine.project.RecentFiles;
import com.hdcompose.engine.project.RecoveryStore;
import com.hdcompose.engine.render.PreviewQuality;
import com.hdcompose.testsupport.FakeProvider;
import com.hdcompose.testsupport.TestDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Builds an editor window on a synthetic document with a fake HDNet, plus helpers to wait and to read state. */
public final class EditorFixture {
    public final Path dir;
    public final FakeProvider provider;
    public final EditorWindow window;

    public EditorFixture(Stage stage, long harmonizerDelayMillis) throws IOException {
        this(stage, harmonizerDelayMillis, 0);
    }

    /** With models that take {@code loadMillis} to load, as real model files do. */
    public EditorFixture(Stage stage, long harmonizerDelayMillis, long loadMillis) throws IOException {
        OpenCvLoader.load();
        dir = Files.createTempDirectory("hdc-ui");
        provider = new FakeProvider(harmonizerDelayMillis, loadMillis);
        AppServices services = new AppServices(provider, new RecentFiles(dir.resolve("recent.json")),
                new RecoveryStore(dir.resolve("recovery.hdcomp")), Optional.of(Path.of("assets")));
        CompositionDocument doc = TestDocs.simple();
        window = new EditorWindow(services, doc, Duration.seconds(30));
        window.attach(stage, 1100, 760);
        stage.show();
    }

    public EditorSession session() {
        return window.session();
    }

    public CompositionDocument doc() {
        return window.session().document();
    }

    public ObjectLayer layer() {
        return doc().object().orElseThrow();
    }

    public Placement placement() {
        return call(() -> layer().placement());
    }

    /** Screen position of a document point. */
    public Point2D screenOf(double docX, double docY) {
        return call(() -> {
            Point2D local = window.canvas().viewTransform().toScreen(docX, docY);
            return window.canvas().localToScreen(local);
        });
    }

    /** Screen position of an object pixel. */
    public Point2D screenOfObject(double ox, double oy) {
        double[] d = call(() -> layer().objectToBackground().apply(ox, oy));
        return screenOf(d[0], d[1]);
    }

    public PreviewSprite waitForFullPreview() {
        waitUntil(() -> {
            PreviewSprite s = window.preview().spriteProperty().get();
            return s != null && s.quality() == PreviewQuality.FULL && s.revision() == doc().revision();
        });
        return window.preview().spriteProperty().get();
    }

    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> call(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }

    public static <T> T call(Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(20_000, c);
    }

    public static void run(FxRobot robot, Runnable r) {
        robot.interact(r);
    }
}
