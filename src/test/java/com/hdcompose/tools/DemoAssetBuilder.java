package com.hdcompose.tools;

import com.hdcompose.engine.imaging.OpenCvLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Rebuilds {@code assets/} from the CC0 photos in {@code ../shared/data/cc0}: resized backgrounds and the demo object
 * (the sunlit headland of the coast photo, cut out with a colour threshold). Run by hand:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) com.hdcompose.tools.DemoAssetBuilder CC0_DIR ASSETS_DIR}.
 */
public final class DemoAssetBuilder {
    private DemoAssetBuilder() {
    }

    public static void main(String[] args) throws Exception {
        OpenCvLoader.load();
        Path cc0 = Path.of(args[0]);
        Path assets = Path.of(args[1]);
        Files.createDirectories(assets.resolve("demo"));
        Files.createDirectories(assets.resolve("photos"));
        writeJpeg(resized(Imgcodecs.imread(cc0.resolve(
                "landscape-water-nature-horizon-cloud-sky-499582-pxhere.com.jpg").toString()), 1600),
                assets.resolve("demo/background.jpg"));
        writeJpeg(resized(Imgcodecs.imread(cc0.resolve(
                "landscape-sea-water-nature-ocean-horizon-103362-pxhere.com.jpg").toString()), 1600),
                assets.resolve("photos/blue-hour-sea.jpg"));
        Mat coast = Imgcodecs.imread(cc0.resolve("beach-landscape-sea-coast-sand-rock-792989-pxhere.com.jpg").toString());
        writeJpeg(resized(coast, 1600), assets.resolve("photos/coast-headland.jpg"));
        Imgcodecs.imwrite(assets.resolve("demo/object.png").toString(), headland(coast),
                new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 9));
    }

    /** The headland with houses at the left of the coast photo, BGRA with a soft alpha from a red-minus-blue cut. */
    static Mat headland(Mat coast) {
        Rect crop = new Rect(0, (int) (0.28 * coast.rows()), (int) (0.16 * coast.cols()), (int) (0.16 * coast.rows()));
        Mat bgr = coast.submat(crop).clone();
        List<Mat> ch = new ArrayList<>();
        Core.split(bgr, ch);
        Mat diff = new Mat();
        Core.subtract(ch.get(2), ch.get(0), diff, new Mat(), CvType.CV_16S);
        Mat mask = new Mat();
        Imgproc.threshold(diff, mask, 6, 255, Imgproc.THRESH_BINARY);
        mask.convertTo(mask, CvType.CV_8U);
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(9, 9));
        Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, kernel);
        Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_CLOSE, kernel);
        Mat filled = largestComponentFilled(mask);
        fadeRight(filled, 0.80, 0.97);
        Imgproc.GaussianBlur(filled, filled, new Size(5, 5), 0);
        Mat bgra = new Mat();
        Imgproc.cvtColor(bgr, bgra, Imgproc.COLOR_BGR2BGRA);
        Core.insertChannel(filled, bgra, 3);
        Rect box = Imgproc.boundingRect(filled);
        int m = 6;
        Rect tight = new Rect(Math.max(0, box.x - m), Math.max(0, box.y - m),
                Math.min(bgra.cols(), box.x + box.width + m) - Math.max(0, box.x - m),
                Math.min(bgra.rows(), box.y + box.height + m) - Math.max(0, box.y - m));
        return bgra.submat(tight).clone();
    }

    private static Mat largestComponentFilled(Mat mask) {
        List<MatOfPoint> contours = new ArrayList<>();
        Imgproc.findContours(mask, contours, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
        int best = 0;
        for (int i = 1; i < contours.size(); i++) {
            if (Imgproc.contourArea(contours.get(i)) > Imgproc.contourArea(contours.get(best))) {
                best = i;
            }
        }
        Mat out = Mat.zeros(mask.size(), CvType.CV_8U);
        Imgproc.drawContours(out, contours, best, new Scalar(255), -1);
        return out;
    }

    private static void fadeRight(Mat mask, double from, double to) {
        int x0 = (int) (from * mask.cols());
        int x1 = (int) (to * mask.cols());
        byte[] row = new byte[mask.cols()];
        for (int y = 0; y < mask.rows(); y++) {
            mask.get(y, 0, row);
            for (int x = x0; x < mask.cols(); x++) {
                double f = x >= x1 ? 0 : 1 - (double) (x - x0) / (x1 - x0);
                row[x] = (byte) Math.round((row[x] & 0xff) * f);
            }
            mask.put(y, 0, row);
        }
    }

    private static Mat resized(Mat m, int longSide) {
        double s = (double) longSide / Math.max(m.cols(), m.rows());
        Mat out = new Mat();
        Imgproc.resize(m, out, new Size(), s, s, Imgproc.INTER_AREA);
        return out;
    }

    private static void writeJpeg(Mat m, Path out) {
        Imgcodecs.imwrite(out.toString(), m, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 90));
    }
}
