package com.hdcompose.engine.harmonize;

import com.hdcompose.engine.imaging.ImageOps;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskStats;
import com.hdcompose.engine.task.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * The model-free fallback (id "classic"): Reinhard-style colour transfer that shifts and scales the foreground's Lab
 * mean and standard deviation to the background's, applied at full resolution and blended with the soft mask.
 */
public final class ClassicHarmonizer implements Harmonizer {
    public static final String ID = "classic";
    /** Bounds on the std ratio, so a flat foreground is not stretched into noise. */
    static final double MIN_SCALE = 0.25;
    static final double MAX_SCALE = 4.0;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public HarmonizeResult harmonize(ManagedMat composite, ManagedMat mask, HarmonizeOptions options,
                                     CancellationToken cancel) {
        long start = System.nanoTime();
        MaskStats stats = InputValidator.validate(composite, mask);
        if (stats.isEmpty()) {
            return InputValidator.unchanged(composite, ID, start);
        }
        cancel.throwIfCancelled();
        LabStatistics.Regions regions = LabStatistics.of(composite, mask);
        cancel.throwIfCancelled();
        Rect box = touchedArea(mask);
        Mat out = composite.mat().clone();
        try (ManagedMat comp = new ManagedMat(composite.mat().submat(box));
             ManagedMat soft = new ManagedMat(mask.mat().submat(box));
             ManagedMat transferred = transfer(comp, regions);
             ManagedMat blended = ImageOps.blend(comp, transferred, soft, options.strength());
             ManagedMat target = new ManagedMat(out.submat(box))) {
            blended.mat().copyTo(target.mat());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new HarmonizeResult(new ManagedMat(out), Optional.empty(), List.of(), ID, millis, millis);
    }

    /** Smallest rectangle holding every pixel the mask touches (mask > 0). */
    private static Rect touchedArea(ManagedMat mask) {
        try (ManagedMat touched = ManagedMat.empty()) {
            Imgproc.threshold(mask.mat(), touched.mat(), 0, 255, Imgproc.THRESH_BINARY);
            touched.mat().convertTo(touched.mat(), org.opencv.core.CvType.CV_8U);
            return Imgproc.boundingRect(touched.mat());
        }
    }

    /** {@code rgb} with every pixel's Lab colour mapped from foreground to background statistics. */
    static ManagedMat transfer(ManagedMat rgb, LabStatistics.Regions regions) {
        LabStatistics fg = regions.foreground();
        LabStatistics bg = regions.background();
        try (ManagedMat lab = LabStatistics.toLab(rgb); ManagedMat mapped = ManagedMat.empty();
             ManagedMat unit = ManagedMat.empty()) {
            List<Mat> planes = new ArrayList<>();
            Core.split(lab.mat(), planes);
            for (int c = 0; c < 3; c++) {
                double scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, (bg.std()[c] + 1e-6) / (fg.std()[c] + 1e-6)));
                Mat plane = planes.get(c);
                plane.convertTo(plane, plane.type(), scale, bg.mean()[c] - scale * fg.mean()[c]);
            }
            Core.merge(planes, mapped.mat());
            planes.forEach(Mat::release);
            Imgproc.cvtColor(mapped.mat(), unit.mat(), Imgproc.COLOR_Lab2RGB);
            return ImageOps.toBytes(unit);
        }
    }
}
