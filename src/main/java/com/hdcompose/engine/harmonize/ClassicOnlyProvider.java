package com.hdcompose.engine.harmonize;

import com.hdcompose.engine.error.HarmonizeException;
import java.util.List;

/**
 * The provider used until ONNX models are wired in: lists every model id, serves "classic" itself and falls back to
 * it, with a notice, for the network models.
 */
public final class ClassicOnlyProvider implements HarmonizerProvider {
    public static final List<String> MODEL_IDS = List.of("hdnet-ct", "hdnet-lite", "hdnet", "s2crnet", ClassicHarmonizer.ID);

    private final ClassicHarmonizer classic = new ClassicHarmonizer();

    @Override
    public List<String> modelIds() {
        return MODEL_IDS;
    }

    @Override
    public Harmonizer get(String id) {
        if (ClassicHarmonizer.ID.equals(id)) {
            return classic;
        }
        if (MODEL_IDS.contains(id)) {
            return FallbackHarmonizer.forMissingModel(id, classic);
        }
        throw unknownModel(id, MODEL_IDS);
    }

    /** The BAD_INPUT error for a model id nobody serves. */
    public static HarmonizeException unknownModel(String id, List<String> known) {
        return HarmonizeException.badInput("unknown model '" + id + "' (choose from " + String.join(", ", known) + ")");
    }
}
