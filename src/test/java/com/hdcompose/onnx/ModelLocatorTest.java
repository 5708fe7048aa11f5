package com.hdcompose.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocatorTest {
    @TempDir
    Path root;

    @Test
    void systemPropertyWins() {
        Path p = ModelLocator.locate(Map.of(ModelLocator.PROPERTY, "/opt/m")::get, root, Optional.empty());
        assertThat(p).isEqualTo(Path.of("/opt/m"));
    }

    @Test
    void workingDirectoryThenBesideTheJarThenJpackageAppDir() throws Exception {
        Path cwd = Files.createDirectories(root.resolve("cwd"));
        Path jar = root.resolve("dist/lib/hdcompose.jar");
        Files.createDirectories(root.resolve("dist/models"));
        assertThat(ModelLocator.locate(k -> null, cwd, Optional.of(jar))).isEqualTo(root.resolve("dist/models"));

        Files.createDirectories(cwd.resolve("models"));
        assertThat(ModelLocator.locate(k -> null, cwd, Optional.of(jar))).isEqualTo(cwd.resolve("models"));

        Path install = root.resolve("opt/HDCompose");
        Files.createDirectories(install.resolve("lib/app/models"));
        Map<String, String> props = Map.of("jpackage.app-path", install.resolve("bin/HDCompose").toString());
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        assertThat(ModelLocator.locate(props::get, elsewhere, Optional.empty()))
                .isEqualTo(install.resolve("lib/app/models"));
        assertThat(ModelLocator.locate(k -> null, elsewhere, Optional.empty())).isEqualTo(elsewhere.resolve("models"));
    }
}
