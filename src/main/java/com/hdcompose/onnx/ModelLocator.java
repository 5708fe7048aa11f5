package com.hdcompose.onnx;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the models directory: system property {@code hdcompose.models.dir}, else {@code ./models}, else beside the
 * running jar ({@code <jar dir>/../models}, {@code <jar dir>/models}), else a jpackage app's {@code app/models}.
 */
public final class ModelLocator {
    public static final String PROPERTY = "hdcompose.models.dir";

    private ModelLocator() {
    }

    /** The first existing candidate; {@code ./models} when none exists. */
    public static Path locate() {
        return locate(System::getProperty, Path.of("").toAbsolutePath(), runningJar());
    }

    static Path locate(UnaryOperator<String> properties, Path workingDir, Optional<Path> jar) {
        String explicit = properties.apply(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path fallback = workingDir.resolve("models");
        return candidates(properties, workingDir, jar).stream().filter(Files::isDirectory).findFirst().orElse(fallback);
    }

    static List<Path> candidates(UnaryOperator<String> properties, Path workingDir, Optional<Path> jar) {
        List<Path> out = new ArrayList<>();
        out.add(workingDir.resolve("models"));
        jar.map(Path::getParent).ifPresent(dir -> {
            out.add(dir.resolveSibling("models"));
            out.add(dir.resolve("models"));
        });
        String appPath = properties.apply("jpackage.app-path");
        if (appPath != null && Path.of(appPath).getParent() != null) {
            Path launcherDir = Path.of(appPath).getParent();
            out.add(launcherDir.resolve("app/models"));                  // Windows: <install>/app
            out.add(launcherDir.resolveSibling("lib/app/models"));       // Linux: <install>/bin -> <install>/lib/app
            out.add(launcherDir.resolveSibling("app/models"));           // macOS: Contents/MacOS -> Contents/app
        }
        return out;
    }

    private static Optional<Path> runningJar() {
        try {
            var source = ModelLocator.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
