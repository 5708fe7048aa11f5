package com.hdcompose.engine.project;

import java.nio.file.Path;

/** Where HD Compose keeps per-user state (recent files, recovery file): {@code hdcompose.config.dir} or the OS default. */
public final class UserDirectories {
    private UserDirectories() {
    }

    public static Path configDir() {
        String override = System.getProperty("hdcompose.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "HD Compose");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "HD Compose");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(home, ".config").toString(), "hdcompose");
    }
}
