package com.hdcompose.app.startup;

import java.time.Instant;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Startup measurement for packaging: with {@code -Dhdcompose.log.startup=true} prints
 * {@code first window shown after N ms} (from process start) when the first window appears; with
 * {@code -Dhdcompose.exit.after.shown=MS} also quits MS milliseconds later (CI's window check). Call
 * {@link #install()} once on the JavaFX thread before the first window is shown; it does nothing otherwise.
 */
public final class StartupProbe {
    public static final String LOG_PROPERTY = "hdcompose.log.startup";
    public static final String EXIT_PROPERTY = "hdcompose.exit.after.shown";
    private static final Instant CLASS_LOADED = Instant.now();
    private static boolean installed;

    private StartupProbe() {
    }

    public static void install() {
        boolean log = Boolean.getBoolean(LOG_PROPERTY);
        String exitAfter = System.getProperty(EXIT_PROPERTY);
        if (installed || (!log && exitAfter == null)) {
            return;
        }
        installed = true;
        Window.getWindows().addListener(new ListChangeListener<Window>() {
            @Override
            public void onChanged(Change<? extends Window> change) {
                while (change.next()) {
                    for (Window w : change.getAddedSubList()) {
                        Window.getWindows().removeListener(this);
                        w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> shown(log, exitAfter));
                        return;
                    }
                }
            }
        });
    }

    private static void shown(boolean log, String exitAfter) {
        if (log) {
            Instant start = ProcessHandle.current().info().startInstant().orElse(CLASS_LOADED);
            System.out.println("first window shown after " + java.time.Duration.between(start, Instant.now()).toMillis() + " ms");
            System.out.flush();
        }
        if (exitAfter != null) {
            long ms = parse(exitAfter);
            PauseTransition wait = new PauseTransition(Duration.millis(ms));
            wait.setOnFinished(e -> Platform.exit());
            wait.play();
        }
    }

    private static long parse(String ms) {
        try {
            return Math.max(0, Long.parseLong(ms.trim()));
        } catch (NumberFormatException e) {
            return 1000;
        }
    }
}
