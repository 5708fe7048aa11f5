package com.hdcompose.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.project.ProjectWriter;
import com.hdcompose.engine.project.RecentFiles;
import com.hdcompose.engine.project.RecoveryStore;
import com.hdcompose.engine.render.ExportJob;
import com.hdcompose.engine.render.ExportSettings;
import com.hdcompose.engine.task.CancellationToken;
import com.hdcompose.engine.task.TaskContext;
import com.hdcompose.testsupport.TestDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the editor writes (project save, export, autosave, recent files) gets the mode of any new file under the
 * process's umask, not {@code createTempFile}'s 0600, and replacing a file leaves no temporary behind.
 */
class WrittenFileModeTest {
    @TempDir
    Path dir;
    private String expected;

    @BeforeEach
    void referenceMode() throws IOException {
        expected = mode(Files.createFile(dir.resolve("reference")));
        Files.delete(dir.resolve("reference"));
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private void assertUmaskMode(Path file) throws IOException {
        assertThat(file).isRegularFile();
        assertThat(mode(file)).isEqualTo(expected);
    }

    @Test
    void referenceIsTheUsualUmask() {
        // the build runs under umask 022 (scripts, CI); the child-process test covers other umasks
        assertThat(expected).isEqualTo("rw-r--r--");
    }

    @Test
    void atomicWriteReplacesWithUmaskMode() throws IOException {
        Path target = dir.resolve("a.txt");
        AtomicFiles.write(target, new byte[] {1});
        AtomicFiles.write(target, new byte[] {2, 3});
        assertUmaskMode(target);
        assertThat(Files.readAllBytes(target)).containsExactly(2, 3);
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).containsExactly(target);
        }
    }

    @Test
    void projectSaveExportAutosaveAndRecentFilesUseUmaskMode() throws IOException {
        CompositionDocument doc = TestDocs.simple();
        Path project = dir.resolve("scene.hdcomp");
        ProjectWriter.write(doc.snapshot(), project, CancellationToken.none());
        assertUmaskMode(project);

        Path png = dir.resolve("scene.png");
        try (var snapshot = doc.snapshot(); ClassicHarmonizer classic = new ClassicHarmonizer()) {
            ExportJob.run(snapshot, classic, new ExportSettings(ExportSettings.Format.PNG, 95, 320), png,
                    new TaskContext(CancellationToken.none(), (f, m) -> { }));
        }
        assertUmaskMode(png);

        RecoveryStore recovery = new RecoveryStore(dir.resolve("config/recovery.hdcomp"));
        recovery.save(doc.snapshot());
        assertUmaskMode(recovery.file());

        Path store = dir.resolve("config/recent.json");
        new RecentFiles(store).add(project);
        assertUmaskMode(store);
    }
}
