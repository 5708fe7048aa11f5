package com.hdcompose.onnx;

import com.hdcompose.engine.error.HarmonizeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of model files, and the refusal of a file that does not match its manifest. */
public final class ModelChecksum {
    private ModelChecksum() {
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Throws "model NAME is corrupt (checksum mismatch)" unless {@code file} hashes to {@code expected} (hex). */
    public static void verify(Path file, String expected) {
        String actual;
        try {
            actual = sha256(file);
        } catch (IOException e) {
            throw HarmonizeException.internal("model " + file.getFileName() + " is unreadable: " + e.getMessage(), e);
        }
        if (!actual.equalsIgnoreCase(expected.trim())) {
            throw HarmonizeException.internal("model " + file.getFileName() + " is corrupt (checksum mismatch)", null);
        }
    }
}
