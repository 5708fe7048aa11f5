package com.hdcompose.app.preview;

import java.util.Map;

/** The names the editor shows for model ids, shared by the inspector, the status bar and the K comparison. */
public final class ModelNames {
    private static final Map<String, String> NAMES = Map.of(
            "hdnet-ct", "HDNet-CT (colour transforms)", "hdnet", "HDNet (= lite widened, 8x slower)", "hdnet-lite", "HDNet-lite (paper)",
            "s2crnet", "S2CRNet", "classic", "Classic (Lab statistics)");

    private ModelNames() {
    }

    /** The display name of {@code modelId}, or the id itself for a model without one. */
    public static String of(String modelId) {
        return NAMES.getOrDefault(modelId, modelId);
    }
}
