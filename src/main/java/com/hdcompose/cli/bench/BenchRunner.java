package com.hdcompose.cli.bench;

import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.engine.harmonize.HighResMode;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import com.hdcompose.onnx.OrtSessions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures harmonize end to end (images already in memory) per model and size, peak memory, the PyTorch reference at
 * the working size, and the 2048² PNG decode+encode time as the yardstick of issue 6; prints three tables.
 */
public final class BenchRunner {
    /**
     * What to measure. {@code torch} null = skip the PyTorch reference. {@code interleaved}: the models are timed in
     * turns, one run each with the order rotated every repeat, so that a shared machine's drift hits them alike.
     */
    public record Settings(List<String> models, List<Integer> sizes, int repeats, int k, HighResMode highRes,
                           TorchReference torch, int codecSize, boolean interleaved) {
    }

    /** One measured row. */
    record Row(String model, int size, LatencyStats total, LatencyStats inference, double rssMiB, double heapMiB) {
    }

    private final HarmonizerProvider provider;
    private final Settings settings;
    private final PrintWriter out;

    public BenchRunner(HarmonizerProvider provider, Settings settings, PrintWriter out) {
        this.provider = provider;
        this.settings = settings;
        this.out = out;
    }

    public void run() {
        List<String> models = installed();
        out.printf("bench: %d repeats after 1 warm-up, k=%d, high-res %s, %d cores, ONNX Runtime %d intra-op threads"
                        + " (-D%s), spinning %s (-D%s), max heap %d MiB, load average %.1f%s%n",
                settings.repeats(), settings.k(), settings.highRes().cliName(),
                Runtime.getRuntime().availableProcessors(), OrtSessions.threads(), OrtSessions.THREADS_PROPERTY,
                OrtSessions.spinning() ? "on" : "off", OrtSessions.SPINNING_PROPERTY,
                Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                settings.interleaved() ? "; models interleaved (one run each in turn, order rotated every repeat;"
                        + " peak memory is for all models together)" : "");
        List<Row> rows = new ArrayList<>();
        for (int size : settings.sizes()) {
            try (ManagedMat comp = BenchImages.syntheticComposite(size); ManagedMat mask = BenchImages.syntheticMask(size)) {
                if (settings.interleaved()) {
                    rows.addAll(measureInterleaved(models, size, comp, mask));
                } else {
                    for (String model : models) {
                        rows.add(measure(model, size, comp, mask));
                        out.flush();
                    }
                }
            }
        }
        BenchTables.latency(rows, out);
        if (settings.torch() != null) {
            BenchTables.torch(rows, torchTimings(models), out);
        }
        try (ManagedMat comp = BenchImages.syntheticComposite(settings.codecSize())) {
            BenchTables.codec(rows, settings.codecSize(), CodecTiming.pngDecodeEncode(comp, settings.repeats()), out);
        }
        out.flush();
    }

    /** Requested models that are really installed (a fallback to classic is left out, with a note). */
    private List<String> installed() {
        List<String> ok = new ArrayList<>();
        try (ManagedMat comp = BenchImages.syntheticComposite(64); ManagedMat mask = BenchImages.syntheticMask(64)) {
            for (String id : settings.models()) {
                try (HarmonizeResult r = provider.get(id).harmonize(comp, mask, options(id), CancellationToken.none())) {
                    if (r.modelUsed().equals(id)) {
                        ok.add(id);
                    } else {
                        out.println("bench: skipping " + id + ": " + String.join("; ", r.warnings()));
                    }
                }
            }
        }
        return ok;
    }

    private HarmonizeOptions options(String id) {
        return new HarmonizeOptions(id, settings.k(), 256, 1.0, settings.highRes());
    }

    private Row measure(String id, int size, ManagedMat comp, ManagedMat mask) {
        double[] inference = new double[settings.repeats()];
        int[] i = {-1};  // the warm-up run is not recorded
        ProcessMemory.resetPeaks();
        LatencyStats total = LatencyStats.time(settings.repeats(), () -> {
            double millis = runOnce(id, comp, mask);
            if (i[0] >= 0) {
                inference[i[0]] = millis;
            }
            i[0]++;
        });
        return new Row(id, size, total, LatencyStats.of(inference), ProcessMemory.peakRssMiB(),
                ProcessMemory.peakHeapMiB());
    }

    private List<Row> measureInterleaved(List<String> ids, int size, ManagedMat comp, ManagedMat mask) {
        int n = ids.size();
        int repeats = settings.repeats();
        double[][] total = new double[n][repeats];
        double[][] inference = new double[n][repeats];
        ProcessMemory.resetPeaks();
        for (String id : ids) {
            runOnce(id, comp, mask);  // warm-up
        }
        for (int r = 0; r < repeats; r++) {
            for (int j = 0; j < n; j++) {
                int i = (j + r) % n;
                long start = System.nanoTime();
                inference[i][r] = runOnce(ids.get(i), comp, mask);
                total[i][r] = (System.nanoTime() - start) / 1e6;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(ids.get(i), size, LatencyStats.of(total[i]), LatencyStats.of(inference[i]),
                    ProcessMemory.peakRssMiB(), ProcessMemory.peakHeapMiB()));
        }
        return rows;
    }

    /** One harmonize run of model {@code id}; returns its inference time in ms. */
    private double runOnce(String id, ManagedMat comp, ManagedMat mask) {
        try (HarmonizeResult r = provider.get(id).harmonize(comp, mask, options(id), CancellationToken.none())) {
            return r.inferenceMillis();
        }
    }

    private Map<String, TorchReference.Result> torchTimings(List<String> models) {
        Map<String, TorchReference.Result> t = new LinkedHashMap<>();
        for (String m : models) {
            if (!"classic".equals(m)) {
                t.put(m, settings.torch().fastest(m, 256, settings.repeats(), Runtime.getRuntime().availableProcessors()));
            }
        }
        return t;
    }
}
