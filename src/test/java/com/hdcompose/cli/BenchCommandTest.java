package com.hdcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.cli.bench.LatencyStats;
import com.hdcompose.cli.bench.TorchReference;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void latencyStatsGiveMedianAndP90() {
        LatencyStats s = LatencyStats.of(new double[] {5, 1, 4, 2, 3, 10, 6, 7, 8, 9});
        assertThat(s.median()).isEqualTo(5.5);
        assertThat(s.p90()).isEqualTo(9);
        assertThat(LatencyStats.of(new double[] {3, 1, 2}).median()).isEqualTo(2);
    }

    @Test
    void missingPyTorchScriptIsReportedNotFatal() {
        TorchReference.Result r = TorchReference.in(dir, "/usr/bin/python3").time("hdnet-lite", 256, 1, 1);
        assertThat(r.stats()).isEmpty();
        assertThat(r.reason()).startsWith("no ");
    }

    @Test
    void pyTorchReferenceTimesTheTrainingPackagesModel() {
        TorchReference.Result r = TorchReference.in(Path.of("models"), "/usr/bin/python3").time("hdnet-ct", 32, 2, 1);
        assertThat(r.stats()).as(r.reason()).isPresent();
        assertThat(r.stats().get().median()).isPositive();
    }

    @Test
    void benchPrintsLatencyMemoryAndCodecTables() throws IOException, URISyntaxException {
        for (String f : new String[] {"tiny-hdnet.onnx", "tiny-s2crnet.onnx", "slow-hdnet.onnx", "models.json"}) {
            Files.copy(Path.of(getClass().getResource("/models/" + f).toURI()), dir.resolve(f));
        }
        Files.delete(dir.resolve("slow-hdnet.onnx"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HdComposeCli.execute(new String[] {"--models", dir.toString(), "bench", "--repeats", "1",
                "--sizes", "256", "--no-torch"}, new PrintWriter(out), new PrintWriter(err), Providers::create);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("skipping hdnet: model hdnet not found in")
                .contains("median ms", "p90 ms", "peak RSS MiB")
                .containsPattern("hdnet-lite +256 ")
                .containsPattern("s2crnet +256 ")
                .containsPattern("classic +256 ")
                .contains("PNG decode+encode");
    }
}
