package com.hdcompose.selftest;

import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.onnx.ModelCatalog;

/**
 * The application's {@link HarmonizerProvider} for the self-test: the ONNX model catalogue of the located models
 * directory ({@code hdcompose.models.dir}, set by the installer's launcher), with the classic harmonizer as fallback.
 */
public final class DefaultProvider {
    private DefaultProvider() {
    }

    public static HarmonizerProvider create() {
        return ModelCatalog.open();
    }
}
