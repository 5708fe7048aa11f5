package com.hdcompose.cli;

import com.hdcompose.engine.harmonize.ClassicOnlyProvider;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import java.nio.file.Path;

/** The one place the command line gets its harmonizers from, so wiring in the ONNX models is a one-line change. */
public final class Providers {
    private Providers() {
    }

    /** Harmonizers for the models under {@code modelsDir} (classic only until the ONNX catalogue is wired in). */
    public static HarmonizerProvider create(Path modelsDir) {
        return new ClassicOnlyProvider();
    }
}
