package com.hdcompose.engine.harmonize.highres;

/** Fits a {@link ColorTransfer} between a low-resolution composite and the network's output on the foreground. */
@FunctionalInterface
public interface ColorTransferFit {
    ColorTransfer fit(LowResPair pair);
}
