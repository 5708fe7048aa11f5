package com.hdcompose.engine.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code document.json} entry of a {@code .hdcomp} project: sizes, placement and settings. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentJson(String format, int version, Size background, ObjectJson object, SettingsJson settings) {
    public static final String FORMAT = "hdcompose-project";
    public static final int VERSION = 1;

    /** Pixel size of an image entry, checked against the decoded image. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Size(int width, int height) {
    }

    /** The object layer: its size and placement on the background. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ObjectJson(int width, int height, double x, double y, double scaleX, double scaleY, double rotation) {
    }

    /** Harmonization settings as the user left them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SettingsJson(String model, int k, double strength, int workingSize) {
    }
}
