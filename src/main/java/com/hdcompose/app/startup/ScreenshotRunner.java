package com.hdcompose.app.startup;

import com.hdcompose.app.session.KnnViewMode;
import com.hdcompose.app.session.Tool;
import com.hdcompose.app.session.ViewOptions;
import com.hdcompose.app.window.EditorWindow;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.render.PreviewQuality;
import java.io.IOException;
import java.nio.file.Files;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * The hidden {@code --screenshot} mode: waits for the full-resolution preview, sets up the requested view
 * (initial, split, knn, knn-all, kcompare, kcompare-sun, kcompare-sea, layers, two-places, composite-mask, error,
 * transform), snapshots the window (or the K comparison) and exits. Used to document the UI under Xvfb.
 */
final class ScreenshotRunner {
    private static final int TIMEOUT_TICKS = 600;

    private final EditorWindow window;
    private final LaunchOptions options;
    private int ticks;

    ScreenshotRunner(EditorWindow window, LaunchOptions options) {
        this.window = window;
        this.options = options;
    }

    void start() {
        switch (options.screenshotView()) {
            case "layers", "transform" -> ScreenshotScenes.threeObjects(window);
            case "two-places" -> ScreenshotScenes.twoPlaces(window);
            case "kcompare-sun" -> ScreenshotScenes.byTheSun(window);
            case "kcompare-sea" -> ScreenshotScenes.onBlueHourSea(window, assetsDir());
            case "composite-mask" -> ScreenshotScenes.compositeWithMask(window, assetsDir());
            case "error" -> ScreenshotScenes.brokenFile(window);
            default -> { }
        }
        later(200, this::waitForPreview);
    }

    /** Every visible layer has its full-resolution preview (and a composite being opened has arrived). */
    private boolean ready() {
        var doc = window.session().document();
        var sprites = window.preview().spritesProperty().get();
        boolean all = doc.layers().stream().filter(ObjectLayer::visible).allMatch(l -> sprites.containsKey(l.id())
                && sprites.get(l.id()).quality() == PreviewQuality.FULL);
        boolean opened = !options.screenshotView().equals("composite-mask")
                || doc.object().map(l -> l.name().equals("lake")).orElse(false);
        return all && opened && !window.preview().busyProperty().get();
    }

    private void waitForPreview() {
        boolean ready = ready();
        if (!ready && ++ticks < TIMEOUT_TICKS) {
            later(200, this::waitForPreview);
            return;
        }
        setUpView();
        later(800, this::snapshot);
    }

    private void setUpView() {
        ViewOptions v = window.session().view();
        ObjectLayer layer = window.session().document().object().orElse(null);
        switch (options.screenshotView()) {
            case "split" -> {
                v.splitViewProperty().set(true);
                if (layer != null) {
                    double[] c = layer.objectToBackground().apply(layer.width() * 0.42, layer.height() * 0.5);
                    Point2D screen = window.canvas().viewTransform().toScreen(c[0], c[1]);
                    v.splitPositionProperty().set(screen.getX() / window.canvas().getWidth());
                }
            }
            case "knn", "knn-all" -> {
                v.knnModeProperty().set(options.screenshotView().equals("knn") ? KnnViewMode.POINTER : KnnViewMode.ALL);
                if (layer != null) {
                    double[] p = layer.objectToBackground().apply(layer.width() * 0.25, layer.height() * 0.55);
                    window.canvas().setPointer(new Point2D(p[0], p[1]));
                }
            }
            case "kcompare", "kcompare-sun", "kcompare-sea" -> window.compareK();
            case "two-places" -> window.session().toolProperty().set(Tool.BRUSH);
            case "transform" -> window.focusTransform();
            default -> { }
        }
        window.canvas().repaint();
    }

    private void snapshot() {
        if (options.screenshotView().startsWith("kcompare")
                && (window.kCompare().stage() == null || !window.kCompare().stage().isShowing()) && ++ticks < TIMEOUT_TICKS) {
            later(200, this::snapshot);
            return;
        }
        try {
            WritableImage image = options.screenshotView().startsWith("kcompare") && window.kCompare().stage() != null
                    ? window.kCompare().stage().getScene().snapshot(null)
                    : options.screenshotView().equals("two-places") ? documentOnCanvas()
                    : window.getScene().snapshot(null);
            if (options.screenshot().getParent() != null) {
                Files.createDirectories(options.screenshot().getParent());
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", options.screenshot().toFile());
            System.out.println("screenshot written: " + options.screenshot());
        } catch (IOException e) {
            System.err.println("screenshot failed: " + e.getMessage());
        }
        window.shutdown();
        Platform.exit();
    }

    /** The canvas cropped to the picture (no handles: the brush tool is on and the pointer is away). */
    private WritableImage documentOnCanvas() {
        WritableImage all = window.canvas().snapshot(null, null);
        var doc = window.session().document();
        Point2D a = window.canvas().viewTransform().toScreen(0, 0);
        Point2D b = window.canvas().viewTransform().toScreen(doc.width(), doc.height());
        int x = (int) Math.max(0, Math.round(a.getX()));
        int y = (int) Math.max(0, Math.round(a.getY()));
        int w = (int) Math.min(all.getWidth() - x, Math.round(b.getX() - a.getX()));
        int h = (int) Math.min(all.getHeight() - y, Math.round(b.getY() - a.getY()));
        return new WritableImage(all.getPixelReader(), x, y, w, h);
    }

    private static java.nio.file.Path assetsDir() {
        return com.hdcompose.engine.document.AssetsLocator.find().orElse(java.nio.file.Path.of("assets"));
    }

    private static void later(long millis, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.millis(millis));
        p.setOnFinished(e -> r.run());
        p.play();
    }
}
