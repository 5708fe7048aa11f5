package com.hdcompose.engine.document;

import com.hdcompose.engine.imaging.ManagedMat;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Renders {@code I_c = M·I_f + (1−M)·I_b}: the placed object and its warped soft mask over the background. */
public final class CompositeRenderer {
    private CompositeRenderer() {
    }

    /** Renders at background resolution. */
    public static RenderedComposite render(ManagedMat background, ObjectLayer object) {
        return render(background, object, 1.0);
    }

    /**
     * Renders at {@code scale} × background resolution (scale ≤ 1 for quick previews). Without an object the mask is
     * all zero. Inputs are not modified; the caller owns the result.
     */
    public static RenderedComposite render(ManagedMat background, ObjectLayer object, double scale) {
        int w = Math.max(1, (int) Math.round(background.width() * scale));
        int h = Math.max(1, (int) Math.round(background.height() * scale));
        return renderOver(scaled(background, w, h), background.width(), background.height(), object, scale);
    }

    /** The background at {@code scale} × {@code width × height} pixels (a copy the caller owns). */
    public static ManagedMat scaledBackground(ManagedMat background, double scale) {
        int w = Math.max(1, (int) Math.round(background.width() * scale));
        int h = Math.max(1, (int) Math.round(background.height() * scale));
        return scaled(background, w, h);
    }

    /**
     * Places {@code object} over {@code base}, an image of a {@code bgWidth × bgHeight} background already scaled
     * (for instance the background with the layers below composited in). Takes ownership of {@code base}.
     */
    public static RenderedComposite renderOver(ManagedMat base, int bgWidth, int bgHeight, ObjectLayer object,
                                               double scale) {
        ManagedMat bg = base;
        int w = bg.width();
        int h = bg.height();
        if (object == null) {
            return new RenderedComposite(bg, new ManagedMat(Mat.zeros(h, w, CvType.CV_32FC1)), scale, PixelRect.EMPTY);
        }
        double sx = (double) w / bgWidth;
        double sy = (double) h / bgHeight;
        Affine2D toTarget = Affine2D.scale(sx, sy).then(object.objectToBackground());
        try (ManagedMat transform = affineMat(toTarget);
             ManagedMat warpedObject = ManagedMat.empty();
             ManagedMat warpedMask = ManagedMat.empty();
             ManagedMat inverseMask = ManagedMat.empty();
             ManagedMat ones = new ManagedMat(Mat.ones(h, w, CvType.CV_32FC1))) {
            Size size = new Size(w, h);
            Imgproc.warpAffine(object.image().mat(), warpedObject.mat(), transform.mat(), size,
                    Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT);
            Imgproc.warpAffine(object.mask().mat(), warpedMask.mat(), transform.mat(), size,
                    Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT);
            Core.subtract(ones.mat(), warpedMask.mat(), inverseMask.mat());
            ManagedMat composite = ManagedMat.empty();
            Imgproc.blendLinear(warpedObject.mat(), bg.mat(), warpedMask.mat(), inverseMask.mat(), composite.mat());
            bg.close();
            PixelRect bounds = bounds(toTarget, object.width(), object.height()).clip(w, h);
            return new RenderedComposite(composite, new ManagedMat(warpedMask.release()), scale, bounds);
        }
    }

    /** Bounding box of an object of the given size after {@code transform}. */
    public static PixelRect bounds(Affine2D transform, int objWidth, int objHeight) {
        double[][] corners = {
            transform.apply(0, 0), transform.apply(objWidth, 0),
            transform.apply(0, objHeight), transform.apply(objWidth, objHeight)};
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] c : corners) {
            minX = Math.min(minX, c[0]);
            minY = Math.min(minY, c[1]);
            maxX = Math.max(maxX, c[0]);
            maxY = Math.max(maxY, c[1]);
        }
        return PixelRect.enclosing(minX, minY, maxX, maxY);
    }

    private static ManagedMat scaled(ManagedMat image, int w, int h) {
        if (w == image.width() && h == image.height()) {
            return image.copy();
        }
        ManagedMat out = ManagedMat.empty();
        Imgproc.resize(image.mat(), out.mat(), new Size(w, h), 0, 0, Imgproc.INTER_AREA);
        return out;
    }

    private static ManagedMat affineMat(Affine2D t) {
        Mat m = new Mat(2, 3, CvType.CV_64FC1);
        m.put(0, 0, t.toArray());
        return new ManagedMat(m);
    }
}
