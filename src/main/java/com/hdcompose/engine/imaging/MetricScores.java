package com.hdcompose.engine.imaging;

/** The four iHarmony4 scores of one image: MSE, PSNR (dB), foreground MSE and SSIM. */
public record MetricScores(double mse, double psnr, double fmse, double ssim) {
}
