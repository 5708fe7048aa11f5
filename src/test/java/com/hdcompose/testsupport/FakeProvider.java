package com.hdcompose.testsupport;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import java.util.List;

/** Serves one {@link FakeKnnHarmonizer} for every model id the editor may ask for. */
public final class FakeProvider implements HarmonizerProvider {
    public final FakeKnnHarmonizer harmonizer;

    private final long loadMillis;
    private final java.util.Set<String> loaded = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Threads that loaded a model (the first get of an id), to check it never happens on the FX thread. */
    public final java.util.List<String> loadThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FakeProvider(long delayMillis) {
        this(delayMillis, 0);
    }

    /** A provider whose models take {@code loadMillis} to load (the first get of each id), as real files do. */
    public FakeProvider(long delayMillis, long loadMillis) {
        this.harmonizer = new FakeKnnHarmonizer("hdnet", delayMillis);
        this.loadMillis = loadMillis;
    }

    @Override
    public List<String> modelIds() {
        return List.of("hdnet-ct", "hdnet", "hdnet-lite", "classic");
    }

    @Override
    public Harmonizer get(String id) {
        if (!modelIds().contains(id)) {
            throw HarmonizeException.badInput("unknown model '" + id + "'");
        }
        if (loaded.add(id)) {
            loadThreads.add(Thread.currentThread().getName());
            if (loadMillis > 0) {
                try {
                    Thread.sleep(loadMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return harmonizer;
    }
}
