package com.hdcompose.engine.project;

import java.util.HashMap;
import java.util.Map;

/**
 * Entry names of a {@code .hdcomp} project and the limits a file must respect to be opened. The bottom layer keeps
 * version 1's {@code object.png} / {@code mask.png}; layer i > 0 is {@code object-i.png} / {@code mask-i.png}.
 */
public final class ProjectFormat {
    public static final String EXTENSION = ".hdcomp";
    public static final String DOCUMENT = "document.json";
    public static final String BACKGROUND = "background.png";
    public static final String OBJECT = "object.png";
    public static final String MASK = "mask.png";
    /** Most layers a project holds. */
    public static final int MAX_LAYERS = 32;

    /** Largest uncompressed size accepted per entry. */
    public static final Map<String, Long> MAX_ENTRY_BYTES = entryLimits();
    public static final long MAX_TOTAL_BYTES = 1200L << 20;
    public static final int MAX_ENTRIES = 2 + 2 * MAX_LAYERS;
    public static final long MAX_FILE_BYTES = 1600L << 20;

    private ProjectFormat() {
    }

    /** The object image entry of layer {@code index} (bottom = 0). */
    public static String objectEntry(int index) {
        return index == 0 ? OBJECT : "object-" + index + ".png";
    }

    /** The mask entry of layer {@code index} (bottom = 0). */
    public static String maskEntry(int index) {
        return index == 0 ? MASK : "mask-" + index + ".png";
    }

    private static Map<String, Long> entryLimits() {
        Map<String, Long> limits = new HashMap<>();
        limits.put(DOCUMENT, 1L << 20);
        limits.put(BACKGROUND, 256L << 20);
        for (int i = 0; i < MAX_LAYERS; i++) {
            limits.put(objectEntry(i), 256L << 20);
            limits.put(maskEntry(i), 256L << 20);
        }
        return Map.copyOf(limits);
    }
}
