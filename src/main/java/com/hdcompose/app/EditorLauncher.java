package com.hdcompose.app;

import javafx.application.Application;

/** Starts the editor; {@code com.hdcompose.Main} calls {@link #launch(String[])} when run without a subcommand. */
public final class EditorLauncher {
    private EditorLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(EditorApp.class, args);
    }

    public static void main(String[] args) {
        launch(args);
    }
}
