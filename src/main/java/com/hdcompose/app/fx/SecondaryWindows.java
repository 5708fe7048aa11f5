package com.hdcompose.app.fx;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/** Secondary windows (K comparison) close the way desktop users expect: Esc or Ctrl+W (Cmd+W on macOS). */
public final class SecondaryWindows {
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private SecondaryWindows() {
    }

    public static void closeOnEscapeOrCtrlW(Stage stage, Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || CLOSE.match(e)) {
                stage.close();
                e.consume();
            }
        });
    }
}
