package com.hdcompose.engine.imaging;

import nu.pattern.OpenCV;

/** Loads OpenCV's native library exactly once, from the app directory when packaged, else from the jar. */
public final class OpenCvLoader {
    private static volatile boolean loaded;

    private OpenCvLoader() {
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        String dir = System.getProperty("hdcompose.native.dir");
        if (dir != null) {
            java.nio.file.Path lib = java.nio.file.Path.of(dir, System.mapLibraryName("opencv_java490"));
            if (java.nio.file.Files.isRegularFile(lib)) {
                System.load(lib.toAbsolutePath().toString());
                loaded = true;
                return;
            }
        }
        OpenCV.loadLocally();
        loaded = true;
    }
}
