package com.hdcompose.engine.imaging;

import org.opencv.core.Mat;

/** Owns one OpenCV {@link Mat} so native pixel memory is released by try-with-resources. */
public final class ManagedMat implements AutoCloseable {
    private Mat mat;

    public ManagedMat(Mat mat) {
        if (mat == null) {
            throw new IllegalArgumentException("mat must not be null");
        }
        this.mat = mat;
    }

    /** Empty matrix, to be filled by an OpenCV call. */
    public static ManagedMat empty() {
        return new ManagedMat(new Mat());
    }

    /** The wrapped matrix; valid until {@link #close()}. */
    public Mat mat() {
        if (mat == null) {
            throw new IllegalStateException("ManagedMat already closed");
        }
        return mat;
    }

    public int width() {
        return mat().cols();
    }

    public int height() {
        return mat().rows();
    }

    /** Deep copy owned by the caller. */
    public ManagedMat copy() {
        return new ManagedMat(mat().clone());
    }

    /** Hands the matrix to the caller, who becomes responsible for releasing it. */
    public Mat release() {
        Mat m = mat();
        mat = null;
        return m;
    }

    public boolean isClosed() {
        return mat == null;
    }

    @Override
    public void close() {
        if (mat != null) {
            mat.release();
            mat = null;
        }
    }
}
