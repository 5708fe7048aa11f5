package com.hdcompose.cli;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ImageFileWriter;
import com.hdcompose.engine.imaging.ImageMetrics;
import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskFileReader;
import com.hdcompose.engine.imaging.MaskStats;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Scores the untouched composite and each method on one composite/mask/real triplet by the iHarmony4 protocol:
 * images resized to a square evaluation size (or kept native), metrics on 0..255 against the real photo.
 */
final class TripletEvaluator {
    static final String COMPOSITE = "composite";

    private final LinkedHashMap<String, Harmonizer> methods;
    private final HarmonizeOptions options;
    private final OptionalInt evaluationSize;
    private final Optional<Path> outputDir;

    TripletEvaluator(LinkedHashMap<String, Harmonizer> methods, HarmonizeOptions options, OptionalInt evaluationSize,
                     Optional<Path> outputDir) {
        this.methods = methods;
        this.options = options;
        this.evaluationSize = evaluationSize;
        this.outputDir = outputDir;
    }

    /** One row per method (composite first); a bad triplet throws and yields no rows at all. */
    List<EvaluationRow> evaluate(ImageSet set) {
        Path maskFile = ImageSetScanner.requireMask(set);
        Path realFile = ImageSetScanner.requireReal(set);
        try (DecodedImage comp = ImageFileReader.read(set.composite());
             ManagedMat mask = MaskFileReader.read(maskFile);
             DecodedImage real = ImageFileReader.read(realFile)) {
            requireSameSize(mask, comp.rgb(), maskFile);
            requireSameSize(real.rgb(), comp.rgb(), realFile);
            try (ManagedMat c = atEvaluationSize(comp.rgb()); ManagedMat m = atEvaluationSize(mask);
                 ManagedMat r = atEvaluationSize(real.rgb())) {
                double ratio = MaskStats.of(m).areaRatio();
                List<EvaluationRow> rows = new ArrayList<>();
                rows.add(new EvaluationRow(set.name(), COMPOSITE, ratio, ImageMetrics.score(c, r, m), 0));
                for (var method : methods.entrySet()) {
                    rows.add(runMethod(set.name(), method.getKey(), method.getValue(), c, m, r, ratio));
                }
                return rows;
            }
        }
    }

    private EvaluationRow runMethod(String image, String id, Harmonizer harmonizer, ManagedMat comp, ManagedMat mask,
                                    ManagedMat real, double ratio) {
        try (HarmonizeResult result = harmonizer.harmonize(comp, mask, options.withModel(id), CancellationToken.none())) {
            outputDir.ifPresent(dir -> ImageFileWriter.write(result.image(), dir.resolve(image + "_" + id + ".png")));
            return new EvaluationRow(image, id, ratio, ImageMetrics.score(result.image(), real, mask),
                    result.totalMillis());
        }
    }

    private ManagedMat atEvaluationSize(ManagedMat image) {
        if (evaluationSize.isEmpty()) {
            return image.copy();
        }
        int side = evaluationSize.getAsInt();
        return ImageOps.resize(image, side, side);
    }

    private static void requireSameSize(ManagedMat other, ManagedMat composite, Path file) {
        if (other.width() != composite.width() || other.height() != composite.height()) {
            throw HarmonizeException.badInput(file.getFileName() + " is " + other.width() + "x" + other.height()
                    + " but the composite is " + composite.width() + "x" + composite.height());
        }
    }
}
