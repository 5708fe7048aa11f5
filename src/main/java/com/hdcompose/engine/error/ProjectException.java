package com.hdcompose.engine.error;

/** A project file could not be saved or opened; the message is one line for the user. */
public class ProjectException extends RuntimeException {
    public ProjectException(String message) {
        super(message);
    }

    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
