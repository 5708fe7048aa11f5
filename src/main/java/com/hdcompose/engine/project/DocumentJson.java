package com.hdcompose.engine.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code document.json} entry of a {@code .hdcomp} project: sizes, placements and settings. Version 2 adds
 * {@code layers} (bottom first) and {@code selected}; {@code object} and {@code settings} then repeat the bottom
 * layer's and the selected layer's values, so version 1 readers still see a valid document.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentJson(String format, int version, Size background, ObjectJson object, SettingsJson settings,
                           List<LayerJson> layers, Integer selected) {
    public static final String FORMAT = "hdcompose-project";
    public static final int VERSION = 2;

    /** Pixel size of an image entry, checked against the decoded image. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Size(int width, int height) {
    }

    /** An object layer's size and placement on the background. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ObjectJson(int width, int height, double x, double y, double scaleX, double scaleY, double rotation) {
    }

    /** Harmonization settings as the user left them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SettingsJson(String model, int k, double strength, int workingSize) {
    }

    /** One layer of version 2: name, visibility, size and placement, its own settings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LayerJson(String name, boolean visible, ObjectJson object, SettingsJson settings) {
    }
}
