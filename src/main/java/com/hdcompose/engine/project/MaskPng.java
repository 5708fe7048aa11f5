package com.hdcompose.engine.project;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.imaging.ManagedMat;
import org.opencv.core.CvType;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/** Encodes a CV_32FC1 0..1 mask as a 16-bit grey PNG, so soft brush edges survive a project round trip. */
public final class MaskPng {
    private MaskPng() {
    }

    public static byte[] encode(ManagedMat mask) {
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 3);
        MatOfByte buffer = new MatOfByte();
        try (ManagedMat m16 = ManagedMat.empty(); ManagedMat owner = new ManagedMat(buffer)) {
            mask.mat().convertTo(m16.mat(), CvType.CV_16U, 65535);
            if (!Imgcodecs.imencode(".png", m16.mat(), buffer, params)) {
                throw HarmonizeException.internal("could not encode the mask as PNG", null);
            }
            return buffer.toArray();
        } finally {
            params.release();
        }
    }
}
