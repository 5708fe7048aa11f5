package com.hdcompose.engine.document;

/** An image could not be read or written; the message is one line for the user. */
public class ImageFormatException extends RuntimeException {
    public ImageFormatException(String message) {
        super(message);
    }
}
