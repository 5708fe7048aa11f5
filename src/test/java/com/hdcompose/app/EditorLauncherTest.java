package com.hdcompose.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A window that cannot open for want of GTK names the packages to install. */
class EditorLauncherTest {
    @Test
    void missingGtkNamesThePackage() {
        assertThat(EditorLauncher.hint("Unable to load glass GTK library."))
                .contains("apt-get install libgtk-3-0").contains("scripts/run.sh");
        assertThat(EditorLauncher.hint("Toolkit not initialized")).isEmpty();
        assertThat(EditorLauncher.hint(null)).isEmpty();
    }
}
