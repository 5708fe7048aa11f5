package com.hdcompose.cli;

import com.hdcompose.engine.harmonize.HighResMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --high-res} values such as {@code affine-grid} or {@code region-curves}. */
final class HighResModeConverter implements ITypeConverter<HighResMode> {
    @Override
    public HighResMode convert(String value) {
        try {
            return HighResMode.parse(value);
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (HighResMode m : HighResMode.values()) {
                names.append(names.length() == 0 ? "" : ", ").append(m.cliName());
            }
            throw new TypeConversionException(e.getMessage() + " (choose " + names + ")");
        }
    }
}
