package com.hdcompose.testsupport;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.KnnMap;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * A deterministic stand-in for HDNet in UI tests: darkens the masked object to 0.5 of its value at K = 1 and by a
 * little less for each further neighbour (0.7 at K = 9, so K visibly changes the result), reports a KnnMap
 * on the 1/8 grid where every foreground cell matches the K nearest background cells (weights summing to 1),
 * optionally takes a while (polling cancellation) and records the threads it ran on.
 */
public final class FakeKnnHarmonizer implements Harmonizer {
    public final Set<String> threads = ConcurrentHashMap.newKeySet();
    public final AtomicInteger runs = new AtomicInteger();
    public final AtomicInteger cancelled = new AtomicInteger();
    private final String id;
    private volatile long delayMillis;

    public FakeKnnHarmonizer(String id, long delayMillis) {
        this.id = id;
        this.delayMillis = delayMillis;
    }

    public void setDelay(long millis) {
        delayMillis = millis;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public HarmonizeResult harmonize(ManagedMat composite, ManagedMat mask, HarmonizeOptions options,
                                     CancellationToken cancel) {
        threads.add(Thread.currentThread().getName());
        long start = System.nanoTime();
        long end = start + delayMillis * 1_000_000;
        while (System.nanoTime() < end) {
            if (cancel.isCancelled()) {
                cancelled.incrementAndGet();
            }
            cancel.throwIfCancelled();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        runs.incrementAndGet();
        Mat out = composite.mat().clone();
        Mat dark = new Mat();
        double factor = 0.5 + 0.025 * (options.k() - 1);
        Core.multiply(composite.mat(), new Scalar(factor, factor, factor), dark);
        Mat mask8 = new Mat();
        Core.compare(mask.mat(), new Scalar(0.5), mask8, Core.CMP_GT);
        if (options.strength() > 0) {
            dark.copyTo(out, mask8);
        }
        dark.release();
        mask8.release();
        KnnMap knn = knn(mask, options.k());
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new HarmonizeResult(new ManagedMat(out), Optional.of(knn), List.of(), id, ms, ms);
    }

    static KnnMap knn(ManagedMat mask, int k) {
        int gw = Math.max(1, mask.width() / 8);
        int gh = Math.max(1, mask.height() / 8);
        boolean[] fg = new boolean[gw * gh];
        float[] v = new float[1];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                mask.mat().get(Math.min(mask.height() - 1, gy * 8 + 4), Math.min(mask.width() - 1, gx * 8 + 4), v);
                fg[gy * gw + gx] = v[0] > 0.5f;
            }
        }
        long[] index = new long[gw * gh * k];
        float[] weight = new float[gw * gh * k];
        for (int c = 0; c < gw * gh; c++) {
            if (!fg[c]) {
                continue;
            }
            int found = 0;
            for (int radius = 1; found < k && radius < gw + gh; radius++) {
                for (int n = 0; n < gw * gh && found < k; n++) {
                    int dx = Math.abs(n % gw - c % gw);
                    int dy = Math.abs(n / gw - c / gw);
                    if (!fg[n] && Math.max(dx, dy) == radius) {
                        index[c * k + found] = n;
                        weight[c * k + found] = 1f / k;
                        found++;
                    }
                }
            }
        }
        return new KnnMap(gw, gh, k, index, weight, fg);
    }
}
