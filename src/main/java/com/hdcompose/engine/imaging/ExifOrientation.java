package com.hdcompose.engine.imaging;

import org.opencv.core.Core;
import org.opencv.core.Mat;

/** Turns a stored image upright according to its EXIF orientation (1..8), as a camera's viewer would show it. */
public final class ExifOrientation {
    private ExifOrientation() {
    }

    /** A new upright image; {@code stored} is left as it is. */
    public static ManagedMat upright(Mat stored, int orientation) {
        Mat out = new Mat();
        switch (orientation) {
            case 2 -> Core.flip(stored, out, 1);
            case 3 -> Core.flip(stored, out, -1);
            case 4 -> Core.flip(stored, out, 0);
            case 5 -> Core.transpose(stored, out);
            case 6 -> transposeThenFlip(stored, out, 1);
            case 7 -> transposeThenFlip(stored, out, -1);
            case 8 -> transposeThenFlip(stored, out, 0);
            default -> stored.copyTo(out);
        }
        return new ManagedMat(out);
    }

    private static void transposeThenFlip(Mat stored, Mat out, int flipCode) {
        try (ManagedMat t = ManagedMat.empty()) {
            Core.transpose(stored, t.mat());
            Core.flip(t.mat(), out, flipCode);
        }
    }
}
