package com.hdcompose;

import com.hdcompose.cli.HdComposeCli;
import com.hdcompose.selftest.SelfTest;

/**
 * Entry point: no arguments opens the editor when it is built in, {@code --self-test} checks the installed
 * application without a window, anything else goes to the command line.
 */
public final class Main {
    static final String EDITOR_LAUNCHER = "com.hdcompose.app.EditorLauncher";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && SelfTest.FLAG.equals(args[0])) {
            System.exit(SelfTest.run(System.out, System.err));
        }
        if (args.length == 0 && launchEditor(args)) {
            return;
        }
        System.exit(HdComposeCli.execute(args));
    }

    /** Starts the JavaFX editor by reflection, so the engine and command line build without it. */
    private static boolean launchEditor(String[] args) throws Exception {
        Class<?> launcher;
        try {
            launcher = Class.forName(EDITOR_LAUNCHER);
        } catch (ClassNotFoundException e) {
            return false;
        }
        launcher.getMethod("main", String[].class).invoke(null, (Object) args);
        return true;
    }
}
