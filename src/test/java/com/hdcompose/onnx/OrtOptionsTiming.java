package com.hdcompose.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.hdcompose.cli.bench.BenchImages;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.OpenCvLoader;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Test-scope harness: median session.run time of one model at one working size for several session-option variants,
 * run round-robin so load drifts hit all alike (args: model size rounds variant...; variant = comma list of
 * t1|t2|spin0|spin1|seq|par|nomem|noarena|ext|basic|all|daz|stop|dbb4|fix (H=W=256)|prof).
 */
public final class OrtOptionsTiming {
    private OrtOptionsTiming() {
    }

    public static void main(String[] args) throws Exception {
        OpenCvLoader.load();
        String model = args[0];
        int size = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<String> variants = Arrays.asList(args).subList(3, args.length);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        WorkingImage work;
        try (ManagedMat c = BenchImages.syntheticComposite(size); ManagedMat m = BenchImages.syntheticMask(size)) {
            work = WorkingImage.resized(c, m, size);
        }
        List<OrtSession> sessions = new ArrayList<>();
        for (String v : variants) {
            sessions.add(env.createSession("models/" + model + ".onnx", options(v)));
        }
        long h = work.height();
        long w = work.width();
        Map<String, OnnxTensor> in = Map.of(
                "composite", OnnxTensor.createTensor(env, FloatBuffer.wrap(work.composite()), new long[] {1, 3, h, w}),
                "mask", OnnxTensor.createTensor(env, FloatBuffer.wrap(work.mask()), new long[] {1, 1, h, w}),
                "k", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {1}), new long[] {1}));
        double[][] t = new double[variants.size()][rounds];
        for (int r = -3; r < rounds; r++) {
            for (int v = 0; v < variants.size(); v++) {
                for (int rep = 0; rep < 3; rep++) {
                    long t0 = System.nanoTime();
                    sessions.get(v).run(in).close();
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (r >= 0) {
                        t[v][r] = rep == 0 ? ms : Math.min(t[v][r], ms);
                    }
                }
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            double[] s = t[v].clone();
            Arrays.sort(s);
            System.out.printf("%-28s median-of-min3 %.2f ms  p10 %.2f  p90 %.2f%n", variants.get(v), s[s.length / 2],
                    s[s.length / 10], s[s.length * 9 / 10]);
            if (variants.get(v).contains("prof")) {
                System.out.println("profile: " + sessions.get(v).endProfiling());
            }
        }
    }

    static OrtSession.SessionOptions options(String variant) throws Exception {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(2);
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        o.setMemoryPatternOptimization(true);
        for (String f : variant.split(",")) {
            switch (f) {
                case "t1" -> o.setIntraOpNumThreads(1);
                case "t2" -> o.setIntraOpNumThreads(2);
                case "spin0" -> o.addConfigEntry("session.intra_op.allow_spinning", "0");
                case "spin1" -> o.addConfigEntry("session.intra_op.allow_spinning", "1");
                case "seq" -> o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                case "par" -> o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.PARALLEL);
                case "nomem" -> o.setMemoryPatternOptimization(false);
                case "noarena" -> o.setCPUArenaAllocator(false);
                case "arena" -> o.setCPUArenaAllocator(true);
                case "ext" -> o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
                case "basic" -> o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
                case "all" -> o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                case "fix" -> {
                    o.setSymbolicDimensionValue("H", 256);
                    o.setSymbolicDimensionValue("W", 256);
                }
                case "stop" -> o.addConfigEntry("session.force_spinning_stop", "1");
                case "dbb4" -> o.addConfigEntry("session.dynamic_block_base", "4");
                case "daz" -> o.addConfigEntry("session.set_denormal_as_zero", "1");
                case "prof" -> o.enableProfiling("target/ort-profile");
                case "base" -> { }
                default -> throw new IllegalArgumentException("unknown option " + f);
            }
        }
        return o;
    }
}
