package com.hdcompose.engine.project;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.error.ProjectException;
import com.hdcompose.engine.task.CancellationToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The crash-recovery copy of the open document: written every autosave interval when the document changed,
 * deleted on a clean exit, offered for restore when found at start.
 */
public final class RecoveryStore {
    public static final long INTERVAL_MILLIS = 30_000;

    private final Path file;
    private long savedRevision = -1;

    public RecoveryStore(Path file) {
        this.file = file;
    }

    public static RecoveryStore inConfigDir() {
        return new RecoveryStore(UserDirectories.configDir().resolve("recovery" + ProjectFormat.EXTENSION));
    }

    public Path file() {
        return file;
    }

    /** True when a recovery file from an earlier session exists. */
    public boolean hasRecovery() {
        return Files.isRegularFile(file);
    }

    /** True if {@code revision} has not been written yet. */
    public boolean needsSave(long revision) {
        return revision != savedRevision;
    }

    /** Writes the snapshot (call off the UI thread); remembers its revision so unchanged documents are skipped. */
    public synchronized void save(DocumentSnapshot snapshot) {
        ProjectWriter.write(snapshot, file, CancellationToken.none());
        savedRevision = snapshot.revision();
    }

    /** Reads the recovery file; empty (and the broken file removed) when it cannot be read. */
    public Optional<CompositionDocument> restore() {
        try {
            return Optional.of(ProjectReader.read(file));
        } catch (ProjectException e) {
            discard();
            return Optional.empty();
        }
    }

    public synchronized void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing useful to do: a stale recovery file is only offered again next time.
        }
        savedRevision = -1;
    }
}
