package com.hdcompose.engine.harmonize;

import java.util.List;
import java.util.Optional;

/**
 * What one model run reported besides its image: the model that actually ran, its inference time, the K-neighbour
 * map (HDNet only) and warnings. Passed along whole from the result to the preview frame and sprite.
 */
public record ModelRun(String modelUsed, long inferenceMillis, Optional<KnnMap> knn, List<String> warnings) {
}
