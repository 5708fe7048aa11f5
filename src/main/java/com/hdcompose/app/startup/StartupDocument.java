package com.hdcompose.app.startup;

import com.hdcompose.app.window.AppServices;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DemoScene;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.project.ProjectReader;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * Chooses the first document: a crash-recovery file (if the user accepts the offer), else a project named on the
 * command line, else the demo scene, else an empty grey canvas. {@link #problem()} says what went wrong, if anything.
 */
final class StartupDocument {
    private String problem;
    private Path file;

    CompositionDocument choose(AppServices services, LaunchOptions options, boolean interactive) {
        if (interactive && services.recovery().hasRecovery()) {
            if (offerRestore()) {
                Optional<CompositionDocument> restored = services.recovery().restore();
                if (restored.isPresent()) {
                    return restored.get();
                }
                problem = "The recovery file could not be read; starting with the demo scene";
            } else {
                services.recovery().discard();
            }
        }
        if (options.open() != null) {
            try {
                CompositionDocument doc = ProjectReader.read(options.open());
                file = options.open();
                return doc;
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
        }
        if (services.assetsDir().isPresent()) {
            try {
                return DemoScene.load(services.assetsDir().get());
            } catch (RuntimeException e) {
                problem = "Demo scene: " + e.getMessage();
            }
        }
        return blank(1600, 1000);
    }

    /** The project file the document came from, if any. */
    Path file() {
        return file;
    }

    String problem() {
        return problem;
    }

    static CompositionDocument blank(int w, int h) {
        ManagedMat grey = new ManagedMat(new Mat(h, w, CvType.CV_8UC3, new Scalar(72, 74, 78)));
        return new CompositionDocument(grey, null, CompositionDocument.DEFAULT_SETTINGS);
    }

    private static boolean offerRestore() {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", restore, discard);
        alert.setTitle("Recover unsaved work");
        alert.setHeaderText("HD Compose did not close properly last time.");
        alert.setContentText("Restore the work that was autosaved before it stopped?");
        return alert.showAndWait().orElse(discard) == restore;
    }
}
