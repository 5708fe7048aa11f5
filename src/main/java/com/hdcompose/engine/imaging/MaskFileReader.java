package com.hdcompose.engine.imaging;

import java.nio.file.Path;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Reads an object mask file as CV_32FC1 in 0..1: a gray image (8 or 16-bit) as is; a colour image by its alpha
 * channel when the alpha carries a shape (is not uniformly opaque), else by its luminance.
 */
public final class MaskFileReader {
    private MaskFileReader() {
    }

    public static ManagedMat read(Path path) {
        return RawImageDecoder.decodeAs(path, MaskFileReader::toMask);
    }

    public static ManagedMat read(byte[] bytes, String name) {
        return RawImageDecoder.decodeAs(bytes, name, MaskFileReader::toMask);
    }

    static ManagedMat toMask(Mat raw) {
        int channels = raw.channels();
        if (channels == 1) {
            return PixelConversions.toUnitFloat(raw);
        }
        List<ManagedMat> planes = PixelConversions.split(raw);
        try {
            if (channels == 2 || channels == 4) {
                ManagedMat alpha = PixelConversions.toUnitFloat(planes.get(channels - 1).mat());
                if (Core.minMaxLoc(alpha.mat()).minVal < 1.0) {
                    return alpha;
                }
                alpha.close();
            }
            if (channels == 2) {
                return PixelConversions.toUnitFloat(planes.get(0).mat());
            }
            try (ManagedMat bgr = ManagedMat.empty(); ManagedMat gray = ManagedMat.empty()) {
                Core.merge(List.of(planes.get(0).mat(), planes.get(1).mat(), planes.get(2).mat()), bgr.mat());
                Imgproc.cvtColor(bgr.mat(), gray.mat(), Imgproc.COLOR_BGR2GRAY);
                return PixelConversions.toUnitFloat(gray.mat());
            }
        } finally {
            PixelConversions.closeAll(planes);
        }
    }
}
