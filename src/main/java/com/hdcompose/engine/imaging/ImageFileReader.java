package com.hdcompose.engine.imaging;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Reads PNG, JPEG, TIFF, BMP and WebP files as upright 8-bit RGB, whatever their depth, colour model or alpha. */
public final class ImageFileReader {
    private ImageFileReader() {
    }

    /** Reads {@code path}; bad files throw a BAD_INPUT HarmonizeException with a one-line message. */
    public static DecodedImage read(Path path) {
        return RawImageDecoder.decodeAs(path, ImageFileReader::toRgb);
    }

    public static DecodedImage read(byte[] bytes, String name) {
        return RawImageDecoder.decodeAs(bytes, name, ImageFileReader::toRgb);
    }

    /** Converts an OpenCV-decoded image (gray, gray+alpha, BGR or BGRA, any depth) to RGB plus optional alpha. */
    static DecodedImage toRgb(Mat raw) {
        try (ManagedMat eight = PixelConversions.to8Bit(raw)) {
            Mat src = eight.mat();
            int channels = src.channels();
            if (channels == 1 || channels == 3) {
                return new DecodedImage(convertColor(src, channels), Optional.empty());
            }
            List<ManagedMat> planes = PixelConversions.split(src);
            try {
                ManagedMat alphaPlane = planes.get(planes.size() - 1);
                ManagedMat alpha = PixelConversions.toUnitFloat(alphaPlane.mat());
                ManagedMat colour = channels == 2 ? convertColor(planes.get(0).mat(), 1) : mergeBgr(planes);
                return new DecodedImage(colour, Optional.of(alpha));
            } finally {
                PixelConversions.closeAll(planes);
            }
        }
    }

    private static ManagedMat mergeBgr(List<ManagedMat> planes) {
        try (ManagedMat bgr = ManagedMat.empty()) {
            org.opencv.core.Core.merge(List.of(planes.get(0).mat(), planes.get(1).mat(), planes.get(2).mat()), bgr.mat());
            return convertColor(bgr.mat(), 3);
        }
    }

    private static ManagedMat convertColor(Mat src, int channels) {
        Mat rgb = new Mat();
        Imgproc.cvtColor(src, rgb, channels == 1 ? Imgproc.COLOR_GRAY2RGB : Imgproc.COLOR_BGR2RGB);
        return new ManagedMat(rgb);
    }
}
