package com.hdcompose.engine.document;

import com.hdcompose.engine.imaging.ManagedMat;
import java.util.Optional;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** A decoded picture: 8-bit RGB pixels plus its alpha channel as a CV_32FC1 mask when the file had one. */
public record DecodedImage(ManagedMat rgb, ManagedMat alphaOrNull) implements AutoCloseable {
    public Optional<ManagedMat> alpha() {
        return Optional.ofNullable(alphaOrNull);
    }

    /** The alpha mask, or a full (all ones) mask when the image had no transparency; the caller owns it. */
    public ManagedMat maskOrFull() {
        if (alphaOrNull != null) {
            return alphaOrNull.copy();
        }
        return new ManagedMat(Mat.ones(rgb.height(), rgb.width(), CvType.CV_32FC1));
    }

    @Override
    public void close() {
        rgb.close();
        if (alphaOrNull != null) {
            alphaOrNull.close();
        }
    }
}
