package com.hdcompose.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.document.history.CommandHistory;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.testsupport.TestDocs;
import org.junit.jupiter.api.Test;

/** Feathering fades a mask that runs into the object's border, keeps the inside solid and is one undo step. */
class MaskFeatherTest {
    @Test
    void theCutEdgeFadesAndUndoRestoresIt() {
        CompositionDocument doc = TestDocs.simple();
        ObjectLayer layer = doc.object().orElseThrow();
        CommandHistory<CompositionDocument> history = new CommandHistory<>(doc);
        double radius = MaskFeather.radiusFor(layer);
        assertThat(radius).isEqualTo(2);
        try (ManagedMat feathered = MaskFeather.feathered(layer.mask(), radius)) {
            history.execute(MaskFeather.command(layer, feathered));
        }
        assertThat(TestDocs.maskAt(layer, 0, 30)).isLessThan(0.65f);
        assertThat(TestDocs.maskAt(layer, 40, 30)).isGreaterThan(0.99f);
        history.undo();
        assertThat(TestDocs.maskAt(layer, 0, 30)).isEqualTo(1f);
        history.redo();
        assertThat(TestDocs.maskAt(layer, 0, 30)).isLessThan(0.65f);
    }
}
