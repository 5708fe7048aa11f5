package com.hdcompose.onnx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hdcompose.engine.error.HarmonizeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The models.json manifest written by the exporter: which ONNX file backs each model id, its type and checksum. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelManifest(List<Entry> models) {
    public static final String FILE_NAME = "models.json";

    /** One model: {@code type} is "hdnet" or "s2crnet"; {@code sha256} is lower-case hex. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, String file, String type, String sha256, String version, String description) {
    }

    public ModelManifest {
        models = models == null ? List.of() : List.copyOf(models);
    }

    public static ModelManifest empty() {
        return new ModelManifest(List.of());
    }

    /** Reads {@code dir/models.json}; an absent manifest is empty, an unreadable one a one-line error. */
    public static ModelManifest read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw HarmonizeException.internal("model manifest " + file + " is unreadable: "
                    + firstLine(e.getMessage()), e);
        }
    }

    public Optional<Entry> find(String id) {
        return models.stream().filter(m -> id.equals(m.id())).findFirst();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
