package com.hdcompose.cli.bench;

import java.util.Arrays;

/** Median and 90th percentile of repeated timings, in milliseconds. */
public record LatencyStats(double median, double p90, int samples) {
    public static LatencyStats of(double[] millis) {
        if (millis.length == 0) {
            return new LatencyStats(Double.NaN, Double.NaN, 0);
        }
        double[] s = millis.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        double p90 = s[Math.min(n - 1, (int) Math.round(0.9 * (n - 1)))];
        return new LatencyStats(median, p90, n);
    }

    /** Times {@code repeats} runs of {@code task} after one warm-up run. */
    public static LatencyStats time(int repeats, Runnable task) {
        task.run();
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            task.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        return of(t);
    }
}
