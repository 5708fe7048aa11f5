package com.hdcompose.app;

import com.hdcompose.app.startup.EditorApp;
import javafx.application.Application;

/** Starts the editor; {@code com.hdcompose.Main} calls {@link #launch(String[])} when run without a subcommand. */
public final class EditorLauncher {
    private EditorLauncher() {
    }

    public static void launch(String[] args) {
        String problem = displayProblem();
        if (problem != null) {
            System.err.println("error: " + problem);
            System.exit(2);
        }
        try {
            Application.launch(EditorApp.class, args);
        } catch (RuntimeException e) {
            System.err.println("error: the editor window could not be opened: " + e.getMessage() + hint(e.getMessage()));
            System.exit(1);
        }
    }

    /** On X11/Wayland desktops a missing display is reported in one line instead of a JavaFX stack trace. */
    static String displayProblem() {
        String os = System.getProperty("os.name", "").toLowerCase();
        boolean unixDesktop = !os.contains("win") && !os.contains("mac");
        boolean headlessPlatform = System.getProperty("glass.platform") != null;
        if (unixDesktop && !headlessPlatform && isBlank(System.getenv("DISPLAY"))
                && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            return "no display found (DISPLAY is not set): the editor needs a desktop session;"
                    + " the command line works without one (hdcompose --help)";
        }
        return null;
    }

    /** What to install when JavaFX's GTK glass library cannot load (a fresh Debian/Ubuntu machine has no GTK 3). */
    static String hint(String message) {
        return message != null && message.contains("glass GTK")
                ? " (GTK 3 is missing: apt-get install libgtk-3-0 libxtst6 libxxf86vm1 libgl1; scripts/run.sh does it as root)"
                : "";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
