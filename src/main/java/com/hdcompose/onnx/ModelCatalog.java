package com.hdcompose.onnx;

import ai.onnxruntime.OrtSession;
import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.harmonize.ClassicOnlyProvider;
import com.hdcompose.engine.harmonize.FallbackHarmonizer;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX-backed {@link HarmonizerProvider}: reads models.json, verifies each model's checksum and opens its session
 * lazily on first use; a missing model file falls back to the classic harmonizer with a warning on each result. A
 * model that fails to load (corrupt file, checksum mismatch) is not read again: later requests get the same error.
 */
public final class ModelCatalog implements HarmonizerProvider {
    public static final List<String> MODEL_IDS = ClassicOnlyProvider.MODEL_IDS;

    private final Path dir;
    private final ModelManifest manifest;
    private final Harmonizer classic;
    private final Map<String, Harmonizer> open = new LinkedHashMap<>();
    private final Map<String, RuntimeException> failed = new LinkedHashMap<>();

    public ModelCatalog(Path dir, Harmonizer classic) {
        this.dir = dir;
        this.manifest = ModelManifest.read(dir);
        this.classic = classic;
    }

    /** The catalogue of the located models directory, with the Reinhard harmonizer as fallback. */
    public static ModelCatalog open() {
        return new ModelCatalog(ModelLocator.locate(), new ClassicHarmonizer());
    }

    public Path directory() {
        return dir;
    }

    @Override
    public List<String> modelIds() {
        return MODEL_IDS;
    }

    /** Whether the model's file is present (it may still turn out corrupt). */
    public boolean isInstalled(String id) {
        return ClassicHarmonizer.ID.equals(id) || Files.isRegularFile(modelFile(id));
    }

    @Override
    public synchronized Harmonizer get(String id) {
        if (ClassicHarmonizer.ID.equals(id)) {
            return classic;
        }
        if (!MODEL_IDS.contains(id)) {
            throw ClassicOnlyProvider.unknownModel(id, MODEL_IDS);
        }
        RuntimeException failure = failed.get(id);
        if (failure != null) {
            throw failure;
        }
        Harmonizer h = open.get(id);
        if (h == null) {
            try {
                h = load(id);
            } catch (RuntimeException e) {
                failed.put(id, e);
                throw e;
            }
            open.put(id, h);
        }
        return h;
    }

    private Harmonizer load(String id) {
        Path file = modelFile(id);
        if (!Files.isRegularFile(file)) {
            return new FallbackHarmonizer(classic, "model " + id + " not found in " + dir + "; using classic");
        }
        String name = file.getFileName().toString();
        manifest.find(id).map(ModelManifest.Entry::sha256).filter(s -> !s.isBlank())
                .ifPresent(sha -> ModelChecksum.verify(file, sha));
        String type = type(id);
        switch (type) {
            case "s2crnet" -> {
                OrtSession s = OrtSessions.open(file, S2crnetHarmonizer.INPUTS, S2crnetHarmonizer.OUTPUTS);
                return new S2crnetHarmonizer(id, name, s);
            }
            case "hdnet" -> {
                OrtSession s = OrtSessions.open(file, HdnetHarmonizer.INPUTS, HdnetHarmonizer.OUTPUTS);
                return new HdnetHarmonizer(id, name, s);
            }
            default -> throw unknownType(id, type);
        }
    }

    private String type(String id) {
        return manifest.find(id).map(ModelManifest.Entry::type).filter(t -> t != null && !t.isBlank())
                .orElse(id.startsWith("s2crnet") ? "s2crnet" : "hdnet");
    }

    Path modelFile(String id) {
        String file = manifest.find(id).map(ModelManifest.Entry::file).filter(f -> f != null && !f.isBlank())
                .orElse(id + ".onnx");
        return dir.resolve(file);
    }

    @Override
    public synchronized void close() {
        for (Harmonizer h : open.values()) {
            if (!(h instanceof FallbackHarmonizer)) {
                h.close();
            }
        }
        open.clear();
    }

    /** Thrown for types other than hdnet / s2crnet. */
    static HarmonizeException unknownType(String id, String type) {
        return HarmonizeException.internal("model " + id + " has unknown type '" + type + "'", null);
    }
}
