package com.hdcompose.testsupport;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.OpenCvLoader;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** Small synthetic documents for tests: a blue-ish 320×240 background and an 80×60 red object with a full mask. */
public final class TestDocs {
    private TestDocs() {
    }

    public static ManagedMat rgb(int w, int h, double r, double g, double b) {
        OpenCvLoader.load();
        return new ManagedMat(new Mat(h, w, CvType.CV_8UC3, new Scalar(r, g, b)));
    }

    public static ManagedMat mask(int w, int h, double value) {
        OpenCvLoader.load();
        return new ManagedMat(new Mat(h, w, CvType.CV_32FC1, new Scalar(value)));
    }

    public static CompositionDocument simple() {
        ManagedMat bg = rgb(320, 240, 40, 80, 160);
        ObjectLayer object = new ObjectLayer(rgb(80, 60, 220, 40, 30), mask(80, 60, 1), new Placement(160, 120, 1, 1, 0));
        return new CompositionDocument(bg, object, CompositionDocument.DEFAULT_SETTINGS);
    }

    public static float maskAt(ObjectLayer layer, int x, int y) {
        float[] v = new float[1];
        layer.mask().mat().get(y, x, v);
        return v[0];
    }
}
