package com.hdcompose.selftest;

import com.hdcompose.engine.document.AssetsLocator;
import com.hdcompose.engine.document.DemoScene;
import com.hdcompose.engine.document.RenderedComposite;
import com.hdcompose.engine.imaging.ManagedMat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The composite the self-test harmonizes: a bundled demo photo (first image under the assets directory) with a
 * colour-cast elliptical "pasted object" and its soft mask; a generated gradient scene when no photo is bundled.
 * Composite is CV_8UC3 R,G,B; mask CV_32FC1 in 0..1 (the project's image convention).
 */
public record SelfTestScene(String name, ManagedMat composite, ManagedMat mask) implements AutoCloseable {
    static final int LONG_SIDE = 512;

    /**
     * The bundled demo scene ({@code assetsDir/demo/scene.json}, rendered by the editor's compositor); without one,
     * the first photo under {@code assetsDir} (sorted by path) with a pasted object, or a generated scene.
     */
    public static SelfTestScene load(Path assetsDir) {
        if (Files.isRegularFile(assetsDir.resolve("demo").resolve("scene.json"))) {
            RenderedComposite rendered = DemoScene.rendered(assetsDir);
            return new SelfTestScene("demo", rendered.image(), rendered.mask());
        }
        Optional<Path> photo = firstPhoto(assetsDir);
        try (ManagedMat background = photo.map(SelfTestScene::readRgb).orElseGet(SelfTestScene::gradient)) {
            String name = photo.map(p -> assetsDir.relativize(p).toString().replace('\\', '/')).orElse("generated scene");
            return paste(name, background);
        }
    }

    /** The assets directory as the editor finds it ({@code hdcompose.assets.dir}, ./assets, the installed app's). */
    public static Path assetsDir() {
        return AssetsLocator.find().orElse(Path.of("assets"));
    }

    static Optional<Path> firstPhoto(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(dir, 4)) {
            return files.filter(Files::isRegularFile).filter(SelfTestScene::isPhoto).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean isPhoto(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png")) && !n.contains("mask");
    }

    private static ManagedMat readRgb(Path file) {
        Mat bgr = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        if (bgr.empty()) {
            bgr.release();
            throw new IllegalStateException("cannot decode bundled photo " + file);
        }
        try (ManagedMat src = new ManagedMat(bgr)) {
            double scale = (double) LONG_SIDE / Math.max(src.width(), src.height());
            int w = Math.max(8, (int) Math.round(src.width() * scale));
            int h = Math.max(8, (int) Math.round(src.height() * scale));
            ManagedMat out = ManagedMat.empty();
            try (ManagedMat resized = ManagedMat.empty()) {
                Imgproc.resize(src.mat(), resized.mat(), new Size(w, h), 0, 0, Imgproc.INTER_AREA);
                Imgproc.cvtColor(resized.mat(), out.mat(), Imgproc.COLOR_BGR2RGB);
            }
            return out;
        }
    }

    /** A warm sunset-like vertical gradient with some texture, 512 x 384. */
    private static ManagedMat gradient() {
        int w = LONG_SIDE, h = LONG_SIDE * 3 / 4;
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            double t = (double) y / (h - 1);
            for (int x = 0; x < w; x++) {
                double tex = 12 * Math.sin(x * 0.11) * Math.cos(y * 0.07);
                int i = (y * w + x) * 3;
                px[i] = (byte) clamp(90 + 150 * t + tex);
                px[i + 1] = (byte) clamp(60 + 90 * t + tex);
                px[i + 2] = (byte) clamp(110 - 60 * t + tex);
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, px);
        return new ManagedMat(m);
    }

    /** Pastes a cold, darker copy of the photo's centre as the object, inside a soft ellipse. */
    private static SelfTestScene paste(String name, ManagedMat background) {
        int w = background.width(), h = background.height();
        ManagedMat mask = new ManagedMat(Mat.zeros(h, w, CvType.CV_32FC1));
        Point centre = new Point(w * 0.42, h * 0.55);
        Size axes = new Size(w * 0.16, h * 0.22);
        Imgproc.ellipse(mask.mat(), centre, axes, 0, 0, 360, new Scalar(1.0), -1, Imgproc.LINE_AA);
        Imgproc.GaussianBlur(mask.mat(), mask.mat(), new Size(7, 7), 0);
        try (ManagedMat object = ManagedMat.empty(); ManagedMat alpha3 = ManagedMat.empty();
             ManagedMat bgF = ManagedMat.empty(); ManagedMat objF = ManagedMat.empty()) {
            background.mat().convertTo(object.mat(), -1, 0.6, 0);
            Core.add(object.mat(), new Scalar(0, 25, 90), object.mat());
            Imgproc.cvtColor(mask.mat(), alpha3.mat(), Imgproc.COLOR_GRAY2RGB);
            background.mat().convertTo(bgF.mat(), CvType.CV_32FC3);
            object.mat().convertTo(objF.mat(), CvType.CV_32FC3);
            Core.subtract(objF.mat(), bgF.mat(), objF.mat());
            Core.multiply(objF.mat(), alpha3.mat(), objF.mat());
            Core.add(bgF.mat(), objF.mat(), bgF.mat());
            ManagedMat composite = ManagedMat.empty();
            bgF.mat().convertTo(composite.mat(), CvType.CV_8UC3);
            return new SelfTestScene(name, composite, mask);
        }
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    @Override
    public void close() {
        composite.close();
        mask.close();
    }
}
