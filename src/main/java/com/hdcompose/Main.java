package com.hdcompose;

import com.hdcompose.cli.HdComposeCli;
import com.hdcompose.selftest.SelfTest;

/**
 * Entry point: no arguments (or one {@code .hdcomp} project, as the file association passes it) opens the editor when
 * it is built in, {@code --self-test} checks the installed application without a window, anything else goes to the
 * command line.
 */
public final class Main {
    static final String EDITOR_LAUNCHER = "com.hdcompose.app.EditorLauncher";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && SelfTest.FLAG.equals(args[0])) {
            System.exit(SelfTest.run(System.out, System.err));
        }
        if ((args.length == 0 || opensProject(args)) && launchEditor(args)) {
            return;
        }
        System.exit(HdComposeCli.execute(args));
    }

    /** A single {@code .hdcomp} argument: the desktop's file association opening a project in the editor. */
    static boolean opensProject(String[] args) {
        return args.length == 1 && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".hdcomp");
    }

    /**
     * Starts the JavaFX editor by reflection, so that the command line and self-test never load JavaFX classes (and
     * the layers stay one-way: nothing below the entry point depends on the editor); false if it is not on the
     * class path.
     */
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
