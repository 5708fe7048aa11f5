package com.hdcompose.engine.harmonize;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a model id into a harmonizer on a background thread (loading a model reads, checksums and opens a file, so
 * never on the UI thread). A model that fails to load is remembered: later requests go straight to the classic
 * harmonizer, and only the first resolution carries the failure, so the user is told once.
 */
public final class HarmonizerResolver {
    /** The harmonizer to run and, on the first failed load of the requested model only, why it is not that model. */
    public record Resolution(Harmonizer harmonizer, Optional<RuntimeException> newFailure) {
    }

    private final HarmonizerProvider provider;
    private final Map<String, RuntimeException> failed = new ConcurrentHashMap<>();

    public HarmonizerResolver(HarmonizerProvider provider) {
        this.provider = provider;
    }

    public HarmonizerProvider provider() {
        return provider;
    }

    /** Loads (or finds) the harmonizer for {@code model}; call off the UI thread. */
    public Resolution resolve(String model) {
        if (failed.containsKey(model)) {
            return new Resolution(provider.get(ClassicHarmonizer.ID), Optional.empty());
        }
        try {
            return new Resolution(provider.get(model), Optional.empty());
        } catch (RuntimeException e) {
            boolean first = failed.putIfAbsent(model, e) == null;
            return new Resolution(provider.get(ClassicHarmonizer.ID), first ? Optional.of(e) : Optional.empty());
        }
    }

    /** Whether {@code model} failed to load before (it then runs as classic). */
    public boolean hasFailed(String model) {
        return failed.containsKey(model);
    }
}
