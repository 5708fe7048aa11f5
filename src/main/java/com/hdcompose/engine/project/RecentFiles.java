package com.hdcompose.engine.project;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hdcompose.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The most recently opened or saved projects, newest first, kept as JSON in the user's config directory. */
public final class RecentFiles {
    public static final int MAX = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path store;
    private final List<Path> files = new ArrayList<>();

    public RecentFiles(Path store) {
        this.store = store;
        load();
    }

    public static RecentFiles inConfigDir() {
        return new RecentFiles(UserDirectories.configDir().resolve("recent-files.json"));
    }

    /** Newest first; files that no longer exist are left out. */
    public List<Path> list() {
        return files.stream().filter(Files::isRegularFile).toList();
    }

    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        save();
    }

    public void remove(Path file) {
        files.remove(file.toAbsolutePath().normalize());
        save();
    }

    private void load() {
        if (!Files.isRegularFile(store)) {
            return;
        }
        try {
            List<String> names = JSON.readValue(store.toFile(), new TypeReference<List<String>>() { });
            for (String n : names) {
                if (n != null && files.size() < MAX) {
                    files.add(Path.of(n));
                }
            }
        } catch (IOException | RuntimeException e) {
            files.clear();
        }
    }

    private void save() {
        try {
            byte[] json = JSON.writeValueAsBytes(files.stream().map(Path::toString).toList());
            AtomicFiles.write(store, json);
        } catch (IOException e) {
            // Recent files are a convenience; failing to persist them must never disturb the user's work.
        }
    }
}
