package com.hdcompose.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Times the same model through the PyTorch reference code (module {@code training.bench_torch} of the training
 * package in {@code models/}) in a child process; absent when Python, torch or the module is missing.
 */
public final class TorchReference {
    private final String python;
    private final Path modelsDir;

    public TorchReference(String python, Path modelsDir) {
        this.python = python;
        this.modelsDir = modelsDir;
    }

    /** The package under {@code modelsDir}, run by {@code python -m training.bench_torch} from there. */
    public static TorchReference in(Path modelsDir, String python) {
        return new TorchReference(python, modelsDir);
    }

    /**
     * The faster of 1 thread and {@code cores} threads (PyTorch's OpenMP threads slow down badly when other processes
     * share the cores, so the reference is given its best setting); the result's reason names the thread count.
     */
    public Result fastest(String model, int size, int repeats, int cores) {
        Result best = time(model, size, repeats, 1);
        if (cores > 1) {
            Result many = time(model, size, repeats, cores);
            if (best.stats().isEmpty() || many.stats().isPresent()
                    && many.stats().get().median() < best.stats().get().median()) {
                best = many;
            }
        }
        return best;
    }

    /** Median/p90 of the PyTorch forward pass, or why there is none. */
    public Result time(String model, int size, int repeats, int threads) {
        Path script = modelsDir.resolve("training").resolve("bench_torch.py");
        if (!Files.isRegularFile(script)) {
            return Result.missing("no " + script);
        }
        List<String> cmd = List.of(python, "-m", "training.bench_torch", "--model", model, "--size", String.valueOf(size),
                "--repeats", String.valueOf(repeats), "--threads", String.valueOf(threads));
        try {
            Process p = new ProcessBuilder(cmd).directory(modelsDir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                String last = out.lines().reduce((a, b) -> b).orElse("exit " + p.exitValue());
                return Result.missing("PyTorch reference failed: " + last);
            }
            String json = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}");
            JsonNode n = new ObjectMapper().readTree(json);
            return new Result(Optional.of(new LatencyStats(n.path("median_ms").asDouble(Double.NaN),
                    n.path("p90_ms").asDouble(Double.NaN), n.path("repeats").asInt())), threads + " thread(s)");
        } catch (IOException e) {
            return Result.missing("PyTorch reference not runnable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.missing("interrupted");
        }
    }

    /** A timing, or the reason there is none. */
    public record Result(Optional<LatencyStats> stats, String reason) {
        static Result missing(String reason) {
            return new Result(Optional.empty(), reason);
        }
    }
}
