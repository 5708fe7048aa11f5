package com.hdcompose.engine.error;

/**
 * A failure of the engine (bad image, bad input, model error, cancelled run) with a one-line message for the user and
 * whether the input or the program is at fault. Lives in {@code engine.error} so every engine package can throw it.
 */
public class HarmonizeException extends RuntimeException {
    /** Whose fault it is; decides the command line's exit code (2 for bad input, 1 for internal). */
    public enum Kind { BAD_INPUT, INTERNAL, CANCELLED }

    private final Kind kind;

    public HarmonizeException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HarmonizeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static HarmonizeException badInput(String message) {
        return new HarmonizeException(Kind.BAD_INPUT, message);
    }

    public static HarmonizeException internal(String message, Throwable cause) {
        return new HarmonizeException(Kind.INTERNAL, message, cause);
    }
}
