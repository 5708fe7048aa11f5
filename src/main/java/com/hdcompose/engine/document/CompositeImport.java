package com.hdcompose.engine.document;

import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.ManagedMat;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.photo.Photo;

/**
 * Splits a composite and its mask (the data sets' and the command line's form) into a background and an object layer
 * in place: the layer is the masked region cut out at its position, and the background has that region filled in
 * from its surroundings (inpainted), so moving the object does not leave a second copy behind.
 */
public final class CompositeImport {
    /** Inpainting runs at most at this long side; the fill is upsampled into the hole. */
    static final int INPAINT_SIDE = 512;

    /** The background (owned by the caller) and the object layer. */
    public record Split(ManagedMat background, ObjectLayer layer) {
    }

    private CompositeImport() {
    }

    /** {@code composite} 8-bit RGB, {@code mask} CV_32FC1 of the same size; neither is modified. */
    public static Split split(ManagedMat composite, ManagedMat mask, String name, HarmonizeOptions settings) {
        if (mask.width() != composite.width() || mask.height() != composite.height()) {
            throw HarmonizeException.badInput("mask is " + mask.width() + "x" + mask.height() + " but composite is "
                    + composite.width() + "x" + composite.height());
        }
        Rect box;
        try (ManagedMat touched = ManagedMat.empty()) {
            Imgproc.threshold(mask.mat(), touched.mat(), 0.02, 255, Imgproc.THRESH_BINARY);
            touched.mat().convertTo(touched.mat(), CvType.CV_8U);
            box = Imgproc.boundingRect(touched.mat());
        }
        if (box.width == 0 || box.height == 0) {
            throw HarmonizeException.badInput("the mask is empty: it selects no object");
        }
        ManagedMat object = new ManagedMat(composite.mat().submat(box).clone());
        ManagedMat objectMask = new ManagedMat(mask.mat().submat(box).clone());
        Placement placement = new Placement(box.x + box.width / 2.0, box.y + box.height / 2.0, 1, 1, 0);
        ObjectLayer layer = new ObjectLayer(object, objectMask, placement, name, true, settings);
        return new Split(filled(composite, mask), layer);
    }

    /** The composite with the masked region (slightly grown) inpainted from its surroundings. */
    static ManagedMat filled(ManagedMat composite, ManagedMat mask) {
        int w = composite.width();
        int h = composite.height();
        double s = Math.min(1.0, (double) INPAINT_SIDE / Math.max(w, h));
        Size small = new Size(Math.max(1, Math.round(w * s)), Math.max(1, Math.round(h * s)));
        try (ManagedMat hole = ManagedMat.empty(); ManagedMat smallImg = ManagedMat.empty();
             ManagedMat smallHole = ManagedMat.empty(); ManagedMat painted = ManagedMat.empty();
             ManagedMat up = ManagedMat.empty()) {
            Imgproc.threshold(mask.mat(), hole.mat(), 0.02, 255, Imgproc.THRESH_BINARY);
            hole.mat().convertTo(hole.mat(), CvType.CV_8U);
            Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(7, 7));
            Imgproc.dilate(hole.mat(), hole.mat(), kernel);
            kernel.release();
            Imgproc.resize(composite.mat(), smallImg.mat(), small, 0, 0, Imgproc.INTER_AREA);
            Imgproc.resize(hole.mat(), smallHole.mat(), small, 0, 0, Imgproc.INTER_NEAREST);
            Photo.inpaint(smallImg.mat(), smallHole.mat(), painted.mat(), 3, Photo.INPAINT_TELEA);
            Imgproc.resize(painted.mat(), up.mat(), new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
            ManagedMat out = composite.copy();
            up.mat().copyTo(out.mat(), hole.mat());
            return out;
        }
    }
}
