package com.hdcompose.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.document.history.CommandHistory;
import com.hdcompose.testsupport.TestDocs;
import org.junit.jupiter.api.Test;

class BrushStrokeTest {
    private final CompositionDocument doc = TestDocs.simple();
    private final ObjectLayer layer = doc.object().orElseThrow();

    @Test
    void eraserStrokeStoresOnlyTheChangedRectangle() {
        BrushStroke stroke = new BrushStroke(layer, new BrushSettings(4, 1, true));
        stroke.lineTo(10, 10);
        stroke.lineTo(30, 10);
        MaskStrokeCommand cmd = stroke.finish();
        assertThat(cmd).isNotNull();
        PixelRect r = cmd.before().rect();
        assertThat(r.x()).isBetween(5, 6);
        assertThat(r.x() + r.width()).isBetween(34, 36);
        assertThat(r.height()).isLessThanOrEqualTo(11);
        assertThat(cmd.bytes()).isLessThan(80L * 60 * 4);
        assertThat(TestDocs.maskAt(layer, 20, 10)).isZero();
        assertThat(TestDocs.maskAt(layer, 20, 30)).isEqualTo(1f);
    }

    @Test
    void undoRestoresTheMaskExactlyAndRedoReapplies() {
        CommandHistory<CompositionDocument> history = new CommandHistory<>(doc);
        BrushStroke stroke = new BrushStroke(layer, new BrushSettings(6, 0.3, true));
        stroke.lineTo(40, 30);
        history.record(stroke.finish());
        float erased = TestDocs.maskAt(layer, 40, 30);
        assertThat(erased).isLessThan(0.01f);
        history.undo();
        assertThat(TestDocs.maskAt(layer, 40, 30)).isEqualTo(1f);
        history.redo();
        assertThat(TestDocs.maskAt(layer, 40, 30)).isEqualTo(erased);
    }

    @Test
    void softBrushPaintsAGradientAndPaintingNeverStacks() {
        new BrushStroke(layer, new BrushSettings(30, 1, true)).lineTo(40, 30);
        BrushStroke paint = new BrushStroke(layer, new BrushSettings(10, 0, false));
        paint.lineTo(40, 30);
        paint.lineTo(40, 30);
        float centre = TestDocs.maskAt(layer, 40, 30);
        float edge = TestDocs.maskAt(layer, 47, 30);
        assertThat(centre).isGreaterThan(0.95f);
        assertThat(edge).isBetween(0.01f, 0.5f);
    }

    @Test
    void strokeOutsideTheObjectChangesNothing() {
        BrushStroke stroke = new BrushStroke(layer, new BrushSettings(3, 1, true));
        stroke.lineTo(-50, -50);
        assertThat(stroke.finish()).isNull();
    }
}
