package com.hdcompose.onnx;

import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskFileReader;
import com.hdcompose.engine.imaging.OpenCvLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixtures for ONNX tests: the tiny contract models of src/test/resources/models and the real triplets. */
final class TestModels {
    private TestModels() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestModels.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** A models directory in {@code dir} holding the test models and their manifest. */
    static Path modelsDir(Path dir) {
        try {
            for (String f : new String[] {"tiny-hdnet.onnx", "slow-hdnet.onnx", "tiny-s2crnet.onnx", "models.json"}) {
                Files.copy(resource("models/" + f), dir.resolve(f));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelCatalog catalog(Path dir) {
        OpenCvLoader.load();
        return new ModelCatalog(modelsDir(dir), new ClassicHarmonizer());
    }

    /** A catalogue of {@code dir} as it is (no files copied). */
    static ModelCatalog catalogIn(Path dir) {
        OpenCvLoader.load();
        return new ModelCatalog(dir, new ClassicHarmonizer());
    }

    static ManagedMat composite(String name) {
        OpenCvLoader.load();
        return ImageFileReader.read(resource("triplets/" + name)).rgb();
    }

    static ManagedMat mask(String name) {
        OpenCvLoader.load();
        return MaskFileReader.read(resource("triplets/" + name));
    }
}
