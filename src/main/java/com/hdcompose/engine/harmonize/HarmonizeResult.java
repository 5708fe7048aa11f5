package com.hdcompose.engine.harmonize;

import com.hdcompose.engine.imaging.ManagedMat;
import java.util.List;
import java.util.Optional;

/**
 * The harmonized image (8-bit RGB, the composite's full size) plus what the model saw.
 * The caller owns {@link #image()} and closes this result to release it.
 */
public record HarmonizeResult(ManagedMat image, Optional<KnnMap> knn, List<String> warnings,
                              String modelUsed, long inferenceMillis, long totalMillis) implements AutoCloseable {
    /** The run's details without the image, for those who keep them longer than the image. */
    public ModelRun run() {
        return new ModelRun(modelUsed, inferenceMillis, knn, warnings);
    }

    @Override
    public void close() {
        image.close();
    }
}
