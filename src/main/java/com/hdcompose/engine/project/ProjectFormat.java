package com.hdcompose.engine.project;

import java.util.Map;

/** Entry names of a {@code .hdcomp} project and the limits a file must respect to be opened. */
public final class ProjectFormat {
    public static final String EXTENSION = ".hdcomp";
    public static final String DOCUMENT = "document.json";
    public static final String BACKGROUND = "background.png";
    public static final String OBJECT = "object.png";
    public static final String MASK = "mask.png";

    /** Largest uncompressed size accepted per entry. */
    public static final Map<String, Long> MAX_ENTRY_BYTES = Map.of(
            DOCUMENT, 1L << 20,
            BACKGROUND, 256L << 20,
            OBJECT, 256L << 20,
            MASK, 256L << 20);
    public static final long MAX_TOTAL_BYTES = 600L << 20;
    public static final int MAX_ENTRIES = 16;
    public static final long MAX_FILE_BYTES = 800L << 20;

    private ProjectFormat() {
    }
}
