package com.hdcompose.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.document.history.CommandHistory;
import com.hdcompose.testsupport.TestDocs;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several objects in one document: add, delete, reorder, hide, rename, per-layer edits and background rescaling, all undoable. */
class LayerStackTest {
    private CompositionDocument doc;
    private CommandHistory<CompositionDocument> history;
    private ObjectLayer first;

    @BeforeEach
    void setUp() {
        doc = TestDocs.simple();
        history = new CommandHistory<>(doc);
        first = doc.object().orElseThrow();
    }

    private ObjectLayer layer(String name, double x) {
        return new ObjectLayer(TestDocs.rgb(40, 30, 10, 200, 10), TestDocs.mask(40, 30, 1),
                new Placement(x, 100, 1, 1, 0), name, true, CompositionDocument.DEFAULT_SETTINGS);
    }

    @Test
    void addingAnObjectAddsALayerAndUndoRemovesIt() {
        ObjectLayer second = layer("second", 60);
        history.execute(LayerStackCommand.add(doc, second, "Add object"));
        assertThat(doc.layers()).containsExactly(first, second);
        assertThat(doc.object()).contains(second);
        history.undo();
        assertThat(doc.layers()).containsExactly(first);
        assertThat(doc.object()).contains(first);
        history.redo();
        assertThat(doc.layers()).containsExactly(first, second);
    }

    @Test
    void reorderDeleteHideAndRenameAreUndoable() {
        ObjectLayer second = layer("second", 60);
        ObjectLayer third = layer("third", 200);
        history.execute(LayerStackCommand.add(doc, second, "Add"));
        history.execute(LayerStackCommand.add(doc, third, "Add"));
        history.execute(LayerStackCommand.move(doc, third, -1));
        assertThat(doc.layers()).containsExactly(first, third, second);
        history.execute(ValueCommand.visibility(second, false));
        assertThat(second.visible()).isFalse();
        try (DocumentSnapshot s = doc.snapshot()) {
            assertThat(s.visibleLayers()).extracting(ObjectLayer::id).containsExactly(first.id(), third.id());
        }
        history.execute(ValueCommand.rename(third, "third", "sky"));
        assertThat(third.name()).isEqualTo("sky");
        history.execute(LayerStackCommand.delete(doc, first));
        assertThat(doc.layers()).containsExactly(third, second);
        for (int i = 0; i < 4; i++) {
            history.undo();
        }
        assertThat(doc.layers()).containsExactly(first, second, third);
        assertThat(second.visible()).isTrue();
        assertThat(third.name()).isEqualTo("third");
    }

    @Test
    void eachLayerKeepsItsPlacementAndSettingsAndUndoFindsItsLayer() {
        ObjectLayer second = layer("second", 60);
        history.execute(LayerStackCommand.add(doc, second, "Add"));
        Placement before = second.placement();
        history.execute(ValueCommand.placement(second, "Move", before, before.movedBy(10, 0), null));
        history.execute(ValueCommand.settings(second, "K", second.settings(), second.settings().withK(5), null));
        doc.select(first);
        assertThat(doc.settings().k()).isEqualTo(1);
        history.undo();
        history.undo();
        assertThat(second.placement()).isEqualTo(before);
        assertThat(second.settings().k()).isEqualTo(1);
        assertThat(first.placement()).isEqualTo(new Placement(160, 120, 1, 1, 0));
    }

    @Test
    void aLargerBackgroundRescalesObjectsToTheSameShareAndUndoRestores() {
        Placement before = first.placement();
        history.execute(BackgroundCommand.of(doc, TestDocs.rgb(3200, 2400, 0, 0, 0)));
        Placement after = first.placement();
        assertThat(after.x()).isEqualTo(1600);
        assertThat(after.y()).isEqualTo(1200);
        assertThat(after.scaleX()).isEqualTo(10);
        history.undo();
        assertThat(first.placement()).isEqualTo(before);
        assertThat(doc.width()).isEqualTo(320);
    }

    @Test
    void snapshotsKeepLayerIdsAndOwnTheirMasks() {
        history.execute(LayerStackCommand.add(doc, layer("second", 60), "Add"));
        try (DocumentSnapshot s = doc.snapshot()) {
            assertThat(s.layers()).extracting(ObjectLayer::id)
                    .containsExactlyElementsOf(doc.layers().stream().map(ObjectLayer::id).toList());
            assertThat(s.layers().get(1).mask()).isNotSameAs(doc.layers().get(1).mask());
            assertThat(s.objectOrNull().id()).isEqualTo(doc.object().orElseThrow().id());
        }
        assertThat(List.of(doc.layers().get(1).mask().isClosed())).containsExactly(false);
    }
}
