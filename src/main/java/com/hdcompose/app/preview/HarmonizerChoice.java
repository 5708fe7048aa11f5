package com.hdcompose.app.preview;

import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import java.util.function.Consumer;

/** Picks the harmonizer for a model id, falling back to classic (and saying why) when the model cannot load. */
public final class HarmonizerChoice {
    private HarmonizerChoice() {
    }

    public static Harmonizer resolve(HarmonizerProvider provider, String model, Consumer<RuntimeException> onFallback) {
        try {
            return provider.get(model);
        } catch (RuntimeException e) {
            onFallback.accept(e);
            return provider.get(ClassicHarmonizer.ID);
        }
    }
}
