package com.hdcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.imaging.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program in a child process with a known umask: harmonize's outputs get 0644 under umask 022 (0600 under
 * 077), and evaluate without --output writes nothing into the current folder.
 */
class FilePermissionsTest {
    @TempDir
    Path dir;

    private String run(String umask, Path workDir, String... args) throws IOException, InterruptedException {
        StringBuilder cmd = new StringBuilder("umask " + umask + " && exec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -Djava.awt.headless=true -cp '"
                + System.getProperty("java.class.path") + "' com.hdcompose.Main");
        for (String a : args) {
            cmd.append(" '").append(a).append('\'');
        }
        Process p = new ProcessBuilder("bash", "-c", cmd.toString()).directory(workDir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private static String triplet(String name) {
        return TestImages.resource("triplets/" + name).toString();
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void harmonizeOutputsFollowTheUmask() throws Exception {
        Path out = dir.resolve("out.png");
        run("022", dir, "harmonize", "--composite", triplet("rainnet1_comp.png"), "--mask",
                triplet("rainnet1_mask.png"), "--out", out.toString(), "--model", "classic");
        assertThat(mode(out)).isEqualTo("rw-r--r--");
        Path strict = dir.resolve("strict.png");
        run("077", dir, "harmonize", "--composite", triplet("rainnet1_comp.png"), "--mask",
                triplet("rainnet1_mask.png"), "--out", strict.toString(), "--model", "classic");
        assertThat(mode(strict)).isEqualTo("rw-------");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList())
                    .as("no temporary file is left behind").containsExactlyInAnyOrder("out.png", "strict.png");
        }
    }

    @Test
    void evaluateWritesOnlyWhereOutputSays() throws Exception {
        Path cwd = Files.createDirectory(dir.resolve("cwd"));
        String output = run("022", cwd, "evaluate", "--input", TestImages.resource("triplets").toString(),
                "--model", "classic");
        assertThat(output).contains("7 of 7 triplets scored");
        try (var listing = Files.list(cwd)) {
            assertThat(listing.toList()).isEmpty();
        }
        Path out = dir.resolve("eval");
        run("022", cwd, "evaluate", "--input", TestImages.resource("triplets").toString(), "--model", "classic",
                "--output", out.toString());
        assertThat(mode(out.resolve("metrics.csv"))).isEqualTo("rw-r--r--");
        assertThat(mode(out.resolve("summary.json"))).isEqualTo("rw-r--r--");
        try (var listing = Files.list(cwd)) {
            assertThat(listing.toList()).isEmpty();
        }
        assertThat(List.of(out.resolve("rainnet1_classic.png"))).allMatch(Files::isRegularFile);
    }
}
