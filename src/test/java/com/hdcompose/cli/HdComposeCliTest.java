package com.hdcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.harmonize.ClassicOnlyProvider;
import com.hdcompose.engine.harmonize.Harmonizer;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import com.hdcompose.engine.imaging.TestImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, one-line errors without stack traces, and the harmonize/evaluate commands end to end. */
class HdComposeCliTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(Function<Path, HarmonizerProvider> providers, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HdComposeCli.execute(args, new PrintWriter(out), new PrintWriter(err), providers);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(p -> new ClassicOnlyProvider(), args);
    }

    private static String bad(String name) {
        return TestImages.resource("bad/" + name).toString();
    }

    private static String triplet(String name) {
        return TestImages.resource("triplets/" + name).toString();
    }

    @Test
    void noArgumentsPrintsUsage() {
        Run r = run();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: hdcompose").contains("harmonize").contains("evaluate");
    }

    @Test
    void harmonizeDefaultsToHdnetCt() {
        Run r = run("harmonize", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("(default: hdnet-ct)");
    }

    @Test
    void harmonizesOneImage() {
        Path out = dir.resolve("out.png");
        Run r = run("harmonize", "--composite", triplet("rainnet1_comp.png"), "--mask", triplet("rainnet1_mask.png"),
                "--out", out.toString(), "--model", "classic", "--strength", "0.8");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("wrote " + out + " (classic, ");
        assertThat(r.err()).isEmpty();
        assertThat(out).isRegularFile();
    }

    @Test
    void badInputIsOneLineWithExitCode2() {
        Run r = run("harmonize", "--composite", bad("empty.png"), "--mask", bad("mask-full.png"), "--out",
                dir.resolve("o.png").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: empty.png: file is empty (0 bytes)" + System.lineSeparator());
        Run full = run("harmonize", "--composite", bad("comp64.png"), "--mask", bad("mask-full.png"), "--out",
                dir.resolve("o.png").toString(), "--model", "classic");
        assertThat(full.code()).isEqualTo(2);
        assertThat(full.err()).isEqualTo("error: mask covers the whole image: no background to match" + System.lineSeparator());
        assertThat(dir.resolve("o.png")).doesNotExist();
    }

    @Test
    void missingMaskWithoutAlphaIsBadInput() {
        Run r = run("harmonize", "--composite", bad("comp64.png"), "--out", dir.resolve("o.png").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip())
                .isEqualTo("error: no --mask given and comp64.png has no alpha channel to use as the mask");
    }

    @Test
    void badArgumentsAreExitCode2WithoutUsageDump() {
        Run k = run("harmonize", "--composite", bad("comp64.png"), "--mask", bad("mask-centre.png"), "--out", "x.png",
                "--k", "12");
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err().strip()).isEqualTo("error: k must be between 1 and 9, got 12 (see 'hdcompose harmonize --help')");
        for (Run r : List.of(run("harmonize", "--composite", "a.png"), run("harmonize", "--bogus"), run("frobnicate"),
                run("harmonize", "--composite", bad("comp64.png"), "--mask", bad("mask-centre.png"), "--out", "x.png",
                        "--model", "gan"),
                run("harmonize", "--composite", bad("comp64.png"), "--mask", bad("mask-centre.png"), "--out", "x.webp"),
                run("evaluate", "--input", bad("comp64.png")))) {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("error: ").doesNotContain("\n").doesNotContain("\tat ");
        }
    }

    @Test
    void internalFailureIsExitCode1AndTraceOnlyWhenVerbose() {
        Function<Path, HarmonizerProvider> broken = p -> new HarmonizerProvider() {
            @Override
            public List<String> modelIds() {
                return List.of("classic");
            }

            @Override
            public Harmonizer get(String id) {
                throw new IllegalStateException("boom");
            }
        };
        String[] args = {"harmonize", "--composite", bad("comp64.png"), "--mask", bad("mask-centre.png"), "--out",
                dir.resolve("o.png").toString()};
        Run quiet = run(broken, args);
        assertThat(quiet.code()).isEqualTo(1);
        assertThat(quiet.err()).isEqualTo("error: internal error: boom (run with --verbose for details)"
                + System.lineSeparator());
        String[] verboseArgs = java.util.stream.Stream.concat(java.util.stream.Stream.of(args),
                java.util.stream.Stream.of("--verbose")).toArray(String[]::new);
        Run verbose = run(broken, verboseArgs);
        assertThat(verbose.code()).isEqualTo(1);
        assertThat(verbose.err()).startsWith("error: internal error: boom").contains("\tat ");
    }

    @Test
    void batchSkipsABadFileAndHarmonizesTheRest() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (String name : List.of("rainnet1", "rainnet3")) {
            Files.copy(Path.of(triplet(name + "_comp.png")), in.resolve(name + "_comp.png"));
            Files.copy(Path.of(triplet(name + "_mask.png")), in.resolve(name + "_mask.png"));
        }
        Files.copy(Path.of(bad("truncated.jpg")), in.resolve("broken_comp.jpg"));
        Files.copy(Path.of(triplet("rainnet1_mask.png")), in.resolve("broken_mask.png"));
        Files.copy(Path.of(triplet("rainnet2_comp.png")), in.resolve("lonely_comp.png"));
        Path out = dir.resolve("out");
        Run r = run("harmonize", "--input", in.toString(), "--output", out.toString(), "--model", "classic");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("failed: broken: broken_comp.jpg: file is truncated (JPEG image data incomplete)")
                .contains("failed: lonely: no lonely_mask.* found")
                .contains("harmonized 2 of 4 images (2 failed) in ").doesNotContain("\tat ");
        assertThat(out.resolve("rainnet1_out.png")).isRegularFile();
        assertThat(out.resolve("rainnet3_out.png")).isRegularFile();
        assertThat(out.resolve("broken_out.png")).doesNotExist();
    }

    @Test
    void evaluatePrintsTheTableAndWritesTheCsv() throws IOException {
        Path out = dir.resolve("eval");
        Run r = run("evaluate", "--input", TestImages.resource("triplets").toString(), "--output", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("7 of 7 triplets scored at 256x256").containsPattern("composite +all +7 ")
                .containsPattern("classic +15-100% +3 ").doesNotContain("hdnet");
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(csv).hasSize(1 + 7 * 2);
        assertThat(csv.get(0)).isEqualTo("image,method,fg_ratio,mse,psnr,fmse,ssim,millis");
        assertThat(out.resolve("rainnet1_classic.png")).isRegularFile();
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("summary.json").toFile()).get("summary");
        assertThat(summary).hasSize(2 * 4);
        assertThat(summary.get(0).get("method").asText()).isEqualTo("composite");
        assertThat(summary.get(0).get("images").asInt()).isEqualTo(7);
        assertThat(summary.get(1).get("mean").isNull()).isTrue();
    }
}
