package com.hdcompose.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.testsupport.TestDocs;
import org.junit.jupiter.api.Test;

class CompositeRendererTest {
    private static int[] rgbAt(RenderedComposite c, int x, int y) {
        byte[] px = new byte[3];
        c.image().mat().get(y, x, px);
        return new int[] {px[0] & 0xff, px[1] & 0xff, px[2] & 0xff};
    }

    @Test
    void placesTheObjectAtItsCentreWithItsMask() {
        CompositionDocument doc = TestDocs.simple();
        try (RenderedComposite c = CompositeRenderer.render(doc.background(), doc.object().orElseThrow())) {
            assertThat(c.image().width()).isEqualTo(320);
            assertThat(rgbAt(c, 160, 120)).containsExactly(220, 40, 30);
            assertThat(rgbAt(c, 10, 10)).containsExactly(40, 80, 160);
            assertThat(c.objectBounds()).isEqualTo(new PixelRect(120, 90, 80, 60));
            float[] m = new float[1];
            c.mask().mat().get(120, 160, m);
            assertThat(m[0]).isEqualTo(1f);
        }
    }

    @Test
    void rotationAndScaleMoveTheCorners() {
        CompositionDocument doc = TestDocs.simple();
        doc.setPlacement(new Placement(160, 120, 0.5, 0.5, 90));
        try (RenderedComposite c = CompositeRenderer.render(doc.background(), doc.object().orElseThrow())) {
            assertThat(c.objectBounds()).isEqualTo(new PixelRect(145, 100, 30, 40));
        }
    }

    @Test
    void quickRenderIsScaledDown() {
        CompositionDocument doc = TestDocs.simple();
        try (RenderedComposite c = CompositeRenderer.render(doc.background(), doc.object().orElseThrow(), 0.5)) {
            assertThat(c.image().width()).isEqualTo(160);
            assertThat(c.mask().height()).isEqualTo(120);
            assertThat(rgbAt(c, 80, 60)).containsExactly(220, 40, 30);
        }
    }

    @Test
    void affineInverseRoundTrips() {
        Affine2D t = new Placement(100, 50, 2, 0.5, 33).objectToBackground(40, 20);
        double[] p = t.inverse().apply(t.apply(7, 9)[0], t.apply(7, 9)[1]);
        assertThat(p[0]).isCloseTo(7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p[1]).isCloseTo(9, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void objectDraggedOffTheBackgroundGivesAnEmptyMaskAndAPreviewStillRuns() {
        CompositionDocument doc = TestDocs.simple();
        doc.setPlacement(new Placement(-500, -500, 1, 1, 0));
        try (RenderedComposite c = CompositeRenderer.render(doc.background(), doc.object().orElseThrow())) {
            assertThat(c.objectBounds().isEmpty()).isTrue();
            assertThat(org.opencv.core.Core.countNonZero(c.mask().mat())).isZero();
        }
        var harmonizer = new com.hdcompose.engine.harmonize.ClassicHarmonizer();
        try (var frame = com.hdcompose.engine.render.PreviewJob.run(doc.snapshot(), harmonizer,
                com.hdcompose.engine.render.PreviewQuality.FULL, com.hdcompose.engine.task.CancellationToken.none())) {
            assertThat(frame.harmonized().width()).isEqualTo(320);
        }
    }
}
