package com.hdcompose.engine.imaging;

import java.util.Optional;

/**
 * A decoded picture in the app's convention: {@code rgb} is CV_8UC3 in R,G,B order, upright; {@code alpha} is the
 * file's alpha channel as a CV_32FC1 0..1 mask when it has one. Closing releases both.
 */
public record DecodedImage(ManagedMat rgb, Optional<ManagedMat> alpha) implements AutoCloseable {
    public int width() {
        return rgb.width();
    }

    public int height() {
        return rgb.height();
    }

    @Override
    public void close() {
        rgb.close();
        alpha.ifPresent(ManagedMat::close);
    }
}
