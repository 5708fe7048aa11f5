package com.hdcompose.app.window;

import com.hdcompose.engine.document.AssetsLocator;
import com.hdcompose.engine.harmonize.ClassicOnlyProvider;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.engine.project.RecentFiles;
import com.hdcompose.onnx.ModelCatalog;
import com.hdcompose.engine.project.RecoveryStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the editor gets from outside, built in one place: the harmonizer provider (the ONNX model catalogue,
 * or the classic harmonizer when the models cannot load), recent files, the crash-recovery store and the assets
 * directory. Tests construct it directly.
 */
public record AppServices(HarmonizerProvider harmonizers, RecentFiles recentFiles, RecoveryStore recovery,
                          Optional<Path> assetsDir) implements AutoCloseable {

    /** The production wiring. */
    public static AppServices createDefault() {
        return new AppServices(defaultProvider(), RecentFiles.inConfigDir(), RecoveryStore.inConfigDir(),
                AssetsLocator.find());
    }

    /** The harmonizer provider of the installed app: the single place where model back-ends are chosen. */
    static HarmonizerProvider defaultProvider() {
        try {
            return ModelCatalog.open();
        } catch (RuntimeException e) {
            System.err.println("hdcompose: models unavailable (" + e.getMessage() + "); using the classic harmonizer");
            return new ClassicOnlyProvider();
        }
    }

    @Override
    public void close() {
        harmonizers.close();
    }
}
