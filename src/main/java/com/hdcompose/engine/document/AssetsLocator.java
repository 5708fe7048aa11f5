package com.hdcompose.engine.document;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code assets/} directory: system property {@code hdcompose.assets.dir}, else {@code ./assets}, else
 * next to the running jar, else {@code $APPDIR/assets} of a jpackage installation ({@code jpackage.app-path}).
 */
public final class AssetsLocator {
    private AssetsLocator() {
    }

    public static Optional<Path> find() {
        return candidates().stream().filter(p -> Files.isDirectory(p.resolve("demo"))).findFirst();
    }

    static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String prop = System.getProperty("hdcompose.assets.dir");
        if (prop != null && !prop.isBlank()) {
            out.add(Path.of(prop));
        }
        out.add(Path.of("assets").toAbsolutePath());
        jarDirectory().ifPresent(dir -> {
            out.add(dir.resolve("assets"));
            if (dir.getParent() != null) {
                out.add(dir.getParent().resolve("assets"));
            }
        });
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath != null && Path.of(appPath).toAbsolutePath().getParent() != null) {
            Path launcherDir = Path.of(appPath).toAbsolutePath().getParent();
            out.add(launcherDir.resolve("app").resolve("assets"));                    // Windows: <install>/app
            out.add(launcherDir.resolveSibling("lib").resolve("app").resolve("assets")); // Linux: <install>/lib/app
            out.add(launcherDir.resolveSibling("app").resolve("assets"));             // macOS: Contents/app
        }
        return out;
    }

    private static Optional<Path> jarDirectory() {
        try {
            Path code = Path.of(AssetsLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(code) ? code : code.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
