package com.hdcompose.tools;

import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Validation photos with object masks (shared/data/train, val.txt) enlarged to a long side of 2048, whose object is
 * re-coloured by matching its per-channel RGB mean and deviation to another photo's: composite, mask and the
 * untouched photo as ground truth.
 */
final class SyntheticComposites {
    private SyntheticComposites() {
    }

    /** Up to {@code count} cases from {@code dataDir}/val.txt, {@code perFolder} from each source folder. */
    static List<ComparisonCase> load(Path dataDir, int perFolder, int longSide) throws IOException {
        List<String> ids = Files.readAllLines(dataDir.resolve("val.txt"));
        List<ComparisonCase> out = new ArrayList<>();
        java.util.Map<String, Integer> taken = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i).trim();
            String folder = id.substring(0, id.indexOf('/'));
            String name = id.substring(id.indexOf('/') + 1);
            Path image = dataDir.resolve(folder).resolve("images").resolve(name + ".jpg");
            Path mask = dataDir.resolve(folder).resolve("masks").resolve(name + "_1.png");
            if (taken.getOrDefault(folder, 0) >= perFolder || !Files.isRegularFile(image) || !Files.isRegularFile(mask)) {
                continue;
            }
            String refId = ids.get((i + ids.size() / 2) % ids.size()).trim();
            Path ref = dataDir.resolve(refId.substring(0, refId.indexOf('/'))).resolve("images")
                    .resolve(refId.substring(refId.indexOf('/') + 1) + ".jpg");
            boolean gradient = out.size() % 2 == 1;
            ComparisonCase c = make(folder + "/" + name + (gradient ? " +light" : ""), image, mask, ref, longSide,
                    gradient);
            if (c != null) {
                out.add(c);
                taken.merge(folder, 1, Integer::sum);
            }
        }
        return out;
    }

    private static ComparisonCase make(String name, Path image, Path maskFile, Path refFile, int longSide,
                                       boolean gradient) {
        try (ManagedMat photo = ImageFileReader.read(image).rgb(); ManagedMat m = MaskFileReader.read(maskFile);
             ManagedMat ref = ImageFileReader.read(refFile).rgb()) {
            double ratio = Core.mean(m.mat()).val[0];
            if (ratio < 0.03 || ratio > 0.6) {
                return null;
            }
            double scale = (double) longSide / Math.max(photo.width(), photo.height());
            Size size = new Size(Math.round(photo.width() * scale), Math.round(photo.height() * scale));
            Mat real = new Mat();
            Imgproc.resize(photo.mat(), real, size, 0, 0, Imgproc.INTER_CUBIC);
            Mat mask = new Mat();
            Imgproc.resize(m.mat(), mask, size, 0, 0, Imgproc.INTER_LINEAR);
            ManagedMat realM = new ManagedMat(real);
            ManagedMat maskM = new ManagedMat(mask);
            try (ManagedMat recoloured = recolour(realM, maskM, ref)) {
                if (gradient) {
                    lightGradient(recoloured);
                }
                return new ComparisonCase(name, ImageOps.blend(realM, recoloured, maskM, 1.0), maskM, realM);
            }
        }
    }

    /** Multiplies {@code rgb} in place by a diagonal illumination ramp from 0.7 (top left) to 1.3 (bottom right). */
    static void lightGradient(ManagedMat rgb) {
        int w = rgb.width();
        int h = rgb.height();
        Mat ramp = new Mat(h, w, CvType.CV_32FC1);
        float[] row = new float[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = 0.7f + 0.6f * (x / (float) w + y / (float) h) / 2;
            }
            ramp.put(y, 0, row);
        }
        Mat ramp3 = new Mat();
        Imgproc.cvtColor(ramp, ramp3, Imgproc.COLOR_GRAY2RGB);
        Mat f = new Mat();
        rgb.mat().convertTo(f, CvType.CV_32FC3);
        Core.multiply(f, ramp3, f);
        f.convertTo(rgb.mat(), CvType.CV_8UC3);
        ramp.release();
        ramp3.release();
        f.release();
    }

    /** {@code rgb} with per-channel mean/deviation moved from its foreground's to {@code ref}'s whole image. */
    static ManagedMat recolour(ManagedMat rgb, ManagedMat mask, ManagedMat ref) {
        try (ManagedMat fg = ImageOps.foregroundSelection(mask)) {
            MatOfDouble fm = new MatOfDouble();
            MatOfDouble fs = new MatOfDouble();
            MatOfDouble rm = new MatOfDouble();
            MatOfDouble rs = new MatOfDouble();
            Core.meanStdDev(rgb.mat(), fm, fs, fg.mat());
            Core.meanStdDev(ref.mat(), rm, rs);
            double[] a = fm.toArray();
            double[] s = fs.toArray();
            double[] b = rm.toArray();
            double[] t = rs.toArray();
            List<Mat> planes = new ArrayList<>();
            Core.split(rgb.mat(), planes);
            for (int c = 0; c < 3; c++) {
                double gain = Math.max(0.4, Math.min(2.5, (t[c] + 1) / (s[c] + 1)));
                planes.get(c).convertTo(planes.get(c), CvType.CV_8U, gain, b[c] - gain * a[c]);
            }
            Mat out = new Mat();
            Core.merge(planes, out);
            planes.forEach(Mat::release);
            return new ManagedMat(out);
        }
    }
}
