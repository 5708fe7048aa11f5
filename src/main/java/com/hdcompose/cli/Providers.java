package com.hdcompose.cli;

import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.onnx.ModelCatalog;
import com.hdcompose.onnx.ModelLocator;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one place the command line gets its harmonizers from: the ONNX model catalogue with the classic fallback. */
public final class Providers {
    private Providers() {
    }

    /**
     * The ONNX model catalogue of {@code modelsDir}; when that is the default relative {@code models} and does not
     * exist here, the folder {@link ModelLocator} finds (beside the jar, in the installed app).
     */
    public static HarmonizerProvider create(Path modelsDir) {
        Path dir = modelsDir.equals(Path.of("models")) && !Files.isDirectory(modelsDir) ? ModelLocator.locate() : modelsDir;
        return new ModelCatalog(dir, new ClassicHarmonizer());
    }
}
