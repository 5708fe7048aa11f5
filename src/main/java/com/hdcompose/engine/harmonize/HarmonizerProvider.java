package com.hdcompose.engine.harmonize;

import com.hdcompose.engine.error.HarmonizeException;
import java.util.List;

/**
 * Hands out harmonizers by model id ("hdnet-ct", "hdnet-lite", "hdnet", "s2crnet", "classic"), so callers (command line, editor,
 * self-test) never construct model runners themselves. The ONNX-backed implementation lives in {@code com.hdcompose.onnx}.
 */
public interface HarmonizerProvider extends AutoCloseable {
    /** Ids the user can pick, in menu order; models whose file is missing are still listed (they fall back to classic). */
    List<String> modelIds();

    /**
     * The harmonizer for {@code id}. Unknown ids throw a BAD_INPUT {@link HarmonizeException}. A model whose file is
     * missing returns the classic harmonizer with a warning added to each result; a corrupt model or a checksum
     * mismatch throws a {@link HarmonizeException} with a one-line message. The provider owns the harmonizer.
     */
    Harmonizer get(String id);

    @Override
    default void close() {
    }
}
