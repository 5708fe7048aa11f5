package com.hdcompose.app.knn;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.app.preview.PreviewSprite;
import com.hdcompose.app.session.ViewTransform;
import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.KnnMap;
import com.hdcompose.engine.render.PreviewQuality;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

/** The K-neighbour view's foreground cells move with the object as it is dragged, before the next preview arrives. */
class KnnOverlayPainterTest {
    private static final int GW = 20;
    private static final int GH = 10;

    /** A 160×80 document on a 20×10 grid of 8-px cells; the 16×16 object rendered centred at (40, 40): cells 4..5. */
    private static final Placement RENDERED = new Placement(40, 40, 1, 1, 0);

    private static KnnOverlayPainter painter(Placement now) {
        boolean[] fg = new boolean[GW * GH];
        for (int gy = 4; gy < 6; gy++) {
            for (int gx = 4; gx < 6; gx++) {
                fg[gy * GW + gx] = true;
            }
        }
        KnnMap knn = new KnnMap(GW, GH, 1, new long[GW * GH], new float[GW * GH], fg);
        PreviewSprite sprite = new PreviewSprite(null, new PixelRect(32, 32, 16, 16), 1.0, RENDERED, 16, 16, 160, 80,
                HarmonizeOptions.defaults("hdnet-ct"), PreviewQuality.QUICK, null, 1);
        return new KnnOverlayPainter(new ViewTransform(), 160, 80, knn, sprite, now);
    }

    @Test
    void foregroundCellsAreFoundWhereTheObjectIsNow() {
        KnnOverlayPainter still = painter(RENDERED);
        assertThat(still.foregroundCellAt(new Point2D(36, 36))).isEqualTo(4 * GW + 4);
        assertThat(still.foregroundCellAt(new Point2D(100, 36))).isEqualTo(-1);

        KnnOverlayPainter dragged = painter(RENDERED.movedBy(64, 8));
        assertThat(dragged.foregroundCellAt(new Point2D(36 + 64, 36 + 8))).as("the same cell, moved with the object")
                .isEqualTo(4 * GW + 4);
        assertThat(dragged.foregroundCellAt(new Point2D(44 + 64, 44 + 8))).isEqualTo(5 * GW + 5);
        assertThat(dragged.foregroundCellAt(new Point2D(36, 36))).as("nothing left where the object was").isEqualTo(-1);
    }
}
