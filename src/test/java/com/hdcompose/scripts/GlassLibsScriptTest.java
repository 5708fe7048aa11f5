package com.hdcompose.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/glass-libs.sh (run.sh's check for the libraries JavaFX's window needs) against fake {@code ldconfig -p}
 * listings: a machine with everything, one without GTK, and a non-root user who cannot install.
 */
class GlassLibsScriptTest {
    private static final String FULL = """
            \tlibgtk-3.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libgtk-3.so.0
            \tlibXtst.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libXtst.so.6
            \tlibXxf86vm.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libXxf86vm.so.1
            \tlibGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libGL.so.1
            \tlibfontconfig.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libfontconfig.so.1
            \tlibpangoft2-1.0.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libpangoft2-1.0.so.0
            """;

    @TempDir
    Path dir;

    private record Result(int code, String out) {
    }

    /** Sources the script with LDCONFIG printing {@code listing}, runs {@code call}; stdout and stderr together. */
    private Result check(String listing, String call) throws IOException, InterruptedException {
        Path fake = Files.writeString(dir.resolve("ldconfig.txt"), listing);
        Process p = new ProcessBuilder("bash", "-c", "source scripts/glass-libs.sh && export LDCONFIG='cat " + fake
                + "' && " + call).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void nothingIsMissingWhenEveryLibraryIsListed() throws Exception {
        Result r = check(FULL, "missing_glass_packages; glass_error; ensure_glass_libs; echo rc=$?");
        assertThat(r.out()).isEqualTo("rc=0\n");
    }

    @Test
    void aMachineWithoutGtkIsToldThePackage() throws Exception {
        String noGtk = FULL.lines().filter(l -> !l.contains("gtk")).reduce("", (a, b) -> a + b + "\n");
        Result r = check(noGtk, "glass_error");
        assertThat(r.out()).isEqualTo(
                "error: libgtk-3-0 is missing (the editor window needs GTK 3): apt-get install libgtk-3-0\n");
    }

    @Test
    void aNonRootUserGetsOneLineAndExitCodeTwo() throws Exception {
        Result r = check("", "id() { echo 1000; }; ensure_glass_libs; echo rc=$?");
        assertThat(r.out()).isEqualTo("error: libgtk-3-0 libxtst6 libxxf86vm1 libgl1 libfontconfig1 libpangoft2-1.0-0"
                + " are missing (the editor window needs GTK 3): apt-get install libgtk-3-0 libxtst6 libxxf86vm1"
                + " libgl1 libfontconfig1 libpangoft2-1.0-0\nrc=2\n");
    }
}
