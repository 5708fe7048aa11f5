package com.hdcompose.app.startup;

import com.hdcompose.app.window.AppServices;
import com.hdcompose.app.window.EditorWindow;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.imaging.OpenCvLoader;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: wires {@link AppServices}, picks the first document and opens the editor window. */
public final class EditorApp extends Application {
    private AppServices services;
    private EditorWindow window;

    @Override
    public void start(Stage stage) {
        StartupProbe.install();
        OpenCvLoader.load();
        services = AppServices.createDefault();
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        StartupDocument startup = new StartupDocument();
        CompositionDocument doc = startup.choose(services, options, options.screenshot() == null);
        if (options.model() != null && services.harmonizers().modelIds().contains(options.model())) {
            doc.setSettings(doc.settings().withModel(options.model()));
        }
        window = new EditorWindow(services, doc);
        window.attach(stage, 1440, 900);
        if (startup.file() != null) {
            window.session().fileProperty().set(startup.file());
        }
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
        if (startup.problem() != null) {
            window.notifier().error(startup.problem());
        }
        if (options.screenshot() != null) {
            new ScreenshotRunner(window, options).start();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
        if (services != null) {
            services.close();
        }
    }
}
