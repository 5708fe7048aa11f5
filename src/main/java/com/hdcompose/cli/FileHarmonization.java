package com.hdcompose.cli;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ImageFileWriter;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskFileReader;
import com.hdcompose.engine.task.CancellationToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Harmonizes one composite file with its mask file (or its own alpha) and writes the result atomically. */
final class FileHarmonization {
    /** What one file run produced, for the command's report. */
    record Outcome(List<String> warnings, String modelUsed, long totalMillis) {
    }

    private FileHarmonization() {
    }

    static Outcome run(Harmonizer harmonizer, Path compositeFile, Optional<Path> maskFile, Path outFile,
                       HarmonizeOptions options) {
        ImageFileWriter.requireWritableFormat(outFile);
        try (DecodedImage composite = ImageFileReader.read(compositeFile);
             ManagedMat mask = readMask(composite, compositeFile, maskFile);
             HarmonizeResult result = harmonizer.harmonize(composite.rgb(), mask, options, CancellationToken.none())) {
            ImageFileWriter.write(result.image(), outFile);
            return new Outcome(result.warnings(), result.modelUsed(), result.totalMillis());
        }
    }

    private static ManagedMat readMask(DecodedImage composite, Path compositeFile, Optional<Path> maskFile) {
        if (maskFile.isPresent()) {
            return MaskFileReader.read(maskFile.get());
        }
        return composite.alpha().map(ManagedMat::copy).orElseThrow(() -> HarmonizeException.badInput(
                "no --mask given and " + compositeFile.getFileName() + " has no alpha channel to use as the mask"));
    }
}
