package com.hdcompose.testsupport;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import java.util.List;

/** Serves one {@link FakeKnnHarmonizer} for every model id the editor may ask for. */
public final class FakeProvider implements HarmonizerProvider {
    public final FakeKnnHarmonizer harmonizer;

    public FakeProvider(long delayMillis) {
        this.harmonizer = new FakeKnnHarmonizer("hdnet", delayMillis);
    }

    @Override
    public List<String> modelIds() {
        return List.of("hdnet", "hdnet-lite", "classic");
    }

    @Override
    public Harmonizer get(String id) {
        if (!modelIds().contains(id)) {
            throw HarmonizeException.badInput("unknown model '" + id + "'");
        }
        return harmonizer;
    }
}
