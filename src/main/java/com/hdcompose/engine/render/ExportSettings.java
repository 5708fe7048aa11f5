package com.hdcompose.engine.render;

/** What the export dialog asks for: file format, JPEG quality and the long side of the written image. */
public record ExportSettings(Format format, int jpegQuality, int longSide) {
    /** Output file formats. */
    public enum Format { PNG, JPEG }

    public static final int MAX_LONG_SIDE = 8192;

    public ExportSettings {
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality must be between 1 and 100");
        }
        if (longSide < 16 || longSide > MAX_LONG_SIDE) {
            throw new IllegalArgumentException("long side must be between 16 and " + MAX_LONG_SIDE + " pixels");
        }
    }

    public String extension() {
        return format == Format.PNG ? ".png" : ".jpg";
    }
}
