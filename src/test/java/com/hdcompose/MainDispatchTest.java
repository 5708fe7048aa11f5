package com.hdcompose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainDispatchTest {
    @Test
    void aSingleProjectFileOpensTheEditorAsTheFileAssociationPassesIt() {
        assertThat(Main.opensProject(new String[] {"/home/me/Holiday.HDCOMP"})).isTrue();
        assertThat(Main.opensProject(new String[] {"C:\\Users\\me\\scene.hdcomp"})).isTrue();
    }

    @Test
    void commandLineArgumentsStayWithTheCommandLine() {
        assertThat(Main.opensProject(new String[] {"harmonize", "a.hdcomp"})).isFalse();
        assertThat(Main.opensProject(new String[] {"photo.jpg"})).isFalse();
        assertThat(Main.opensProject(new String[] {})).isFalse();
    }
}
