package com.hdcompose.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the bench's measurements as aligned text tables. */
final class BenchTables {
    private BenchTables() {
    }

    static void latency(List<BenchRunner.Row> rows, PrintWriter out) {
        out.println();
        out.println("harmonize end to end (image in memory)");
        String f = "%-11s %6s %10s %10s %10s %12s %12s%n";
        out.printf(Locale.ROOT, f, "model", "size", "median ms", "p90 ms", "model ms", "peak RSS MiB", "peak heap MiB");
        for (BenchRunner.Row r : rows) {
            out.printf(Locale.ROOT, f, r.model(), r.size(), ms(r.total().median()), ms(r.total().p90()),
                    ms(r.inference().median()), ms(r.rssMiB()), ms(r.heapMiB()));
        }
    }

    static void torch(List<BenchRunner.Row> rows, Map<String, TorchReference.Result> torch, PrintWriter out) {
        out.println();
        out.println("PyTorch reference (forward pass, same machine, same run) vs ONNX Runtime from Java at 256x256");
        String f = "%-11s %14s %14s %12s %18s %16s%n";
        out.printf(Locale.ROOT, f, "model", "ONNX e2e ms", "ONNX model ms", "PyTorch ms", "PyTorch / ONNX e2e",
                "PyTorch threads");
        for (Map.Entry<String, TorchReference.Result> e : torch.entrySet()) {
            BenchRunner.Row r = rows.stream().filter(x -> x.model().equals(e.getKey()) && x.size() == 256)
                    .findFirst().orElse(null);
            if (r == null) {
                continue;
            }
            if (e.getValue().stats().isEmpty()) {
                out.printf(Locale.ROOT, f, e.getKey(), ms(r.total().median()), ms(r.inference().median()), "-",
                        "-", e.getValue().reason());
                continue;
            }
            double t = e.getValue().stats().get().median();
            out.printf(Locale.ROOT, f, e.getKey(), ms(r.total().median()), ms(r.inference().median()), ms(t),
                    String.format(Locale.ROOT, "%.2fx", t / r.total().median()), e.getValue().reason());
        }
    }

    static void codec(List<BenchRunner.Row> rows, int size, LatencyStats codec, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%dx%d PNG decode+encode (OpenCV): median %s ms, p90 %s ms%n", size, size,
                ms(codec.median()), ms(codec.p90()));
        String f = "%-11s %14s %22s %14s%n";
        out.printf(Locale.ROOT, f, "model", "harmonize ms", "harmonize / codec", "peak RSS MiB");
        for (BenchRunner.Row r : rows) {
            if (r.size() == size) {
                out.printf(Locale.ROOT, f, r.model(), ms(r.total().median()),
                        String.format(Locale.ROOT, "%.2fx (target <= 3x)", r.total().median() / codec.median()),
                        ms(r.rssMiB()));
            }
        }
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }
}
