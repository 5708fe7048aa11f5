package com.hdcompose.onnx;

import com.hdcompose.cli.bench.BenchImages;
import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.HarmonizeResult;
import com.hdcompose.engine.harmonize.KnnMap;
import com.hdcompose.engine.harmonize.highres.ColorTransfer;
import com.hdcompose.engine.harmonize.highres.ColorTransferFits;
import com.hdcompose.engine.harmonize.highres.HighResRenderer;
import com.hdcompose.engine.harmonize.highres.LowResPair;
import com.hdcompose.engine.harmonize.highres.UpsampleFit;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.OpenCvLoader;
import com.hdcompose.engine.task.CancellationToken;
import ai.onnxruntime.OnnxTensor;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/** Test-scope harness: median time of each stage of HDNet's end-to-end path, plus an output digest (args: model reps sizes...). */
public final class OnnxStageTiming {
    private OnnxStageTiming() {
    }

    public static void main(String[] args) throws Exception {
        OpenCvLoader.load();
        String id = args.length > 0 ? args[0] : "hdnet-lite";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int[] sizes = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {256, 1024, 2048};
        try (ModelCatalog catalog = new ModelCatalog(Path.of("models"), new ClassicHarmonizer())) {
            HdnetHarmonizer h = (HdnetHarmonizer) catalog.get(id);
            for (int size : sizes) {
                try (ManagedMat comp = BenchImages.syntheticComposite(size); ManagedMat mask = BenchImages.syntheticMask(size)) {
                    stages(h, id, size, reps, comp, mask);
                }
            }
        }
    }

    /** Milliseconds of session.run alone, tensors made beforehand and outputs not read. */
    private static double runOnly(HdnetHarmonizer h, WorkingImage work, int k) throws Exception {
        var env = OrtSessions.environment();
        long[] shape = {1, 3, work.height(), work.width()};
        long[] maskShape = {1, 1, work.height(), work.width()};
        try (OnnxTensor c = OnnxTensor.createTensor(env, FloatBuffer.wrap(work.composite()), shape);
             OnnxTensor m = OnnxTensor.createTensor(env, FloatBuffer.wrap(work.mask()), maskShape);
             OnnxTensor kk = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {k}), new long[] {1})) {
            long t0 = System.nanoTime();
            h.session().run(Map.of("composite", c, "mask", m, "k", kk)).close();
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    private static void stages(HdnetHarmonizer h, String id, int size, int reps, ManagedMat comp, ManagedMat mask)
            throws Exception {
        HarmonizeOptions opts = new HarmonizeOptions(id, 1, 256, 1.0);
        String[] names = {"prepare", "infer", "pair", "fit", "render", "knn", "total(harmonize)", "ort-run-only"};
        double[][] t = new double[names.length][reps];
        String digest = "";
        for (int r = -2; r < reps; r++) {
            long t0 = System.nanoTime();
            WorkingImage work = WorkingImage.resized(comp, mask, opts.workingSize());
            long t1 = System.nanoTime();
            HdnetHarmonizer.Outputs out = h.infer(work, opts.k(), CancellationToken.none());
            long t2 = System.nanoTime();
            LowResPair pair = work.pair(out.harmonized());
            long t3 = System.nanoTime();
            boolean sameSize = pair.width() == comp.width() && pair.height() == comp.height();
            ColorTransfer transfer = (sameSize ? new UpsampleFit(false) : ColorTransferFits.forMode(opts.highRes())).fit(pair);
            long t4 = System.nanoTime();
            ManagedMat img = HighResRenderer.render(comp, mask, transfer, opts.strength());
            long t5 = System.nanoTime();
            new KnnMap(work.width() / 8, work.height() / 8, opts.k(), out.knnIndex(), out.knnWeight(), work.foregroundCells());
            long t6 = System.nanoTime();
            img.close();
            long t7 = System.nanoTime();
            try (HarmonizeResult res = h.harmonize(comp, mask, opts, CancellationToken.none())) {
                long t8 = System.nanoTime();
                if (r == 0) {
                    byte[] px = new byte[size * size * 3];
                    res.image().mat().get(0, 0, px);
                    digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(px)).substring(0, 16);
                }
                if (r >= 0) {
                    long[] ts = {t0, t1, t2, t3, t4, t5, t6};
                    for (int s = 0; s < 6; s++) {
                        t[s][r] = (ts[s + 1] - ts[s]) / 1e6;
                    }
                    t[6][r] = (t8 - t7) / 1e6;
                    t[7][r] = runOnly(h, work, opts.k());
                }
            }
        }
        StringBuilder sb = new StringBuilder(String.format("%s %d:", id, size));
        for (int s = 0; s < names.length; s++) {
            double[] v = t[s].clone();
            Arrays.sort(v);
            sb.append(String.format(" %s=%.2f", names[s], v[v.length / 2]));
        }
        System.out.println(sb + " digest=" + digest);
    }
}
