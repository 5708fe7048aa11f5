package com.hdcompose.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.document.history.CommandHistory;
import com.hdcompose.testsupport.TestDocs;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CommandHistoryTest {
    private final CompositionDocument doc = TestDocs.simple();
    private final AtomicLong clock = new AtomicLong(1000);
    private final CommandHistory<CompositionDocument> history = new CommandHistory<>(doc, 3, 1L << 30, clock::get);

    private Placement placement() {
        return doc.object().orElseThrow().placement();
    }

    private void nudge(double dx) {
        Placement before = placement();
        history.execute(ValueCommand.placement(doc.object().orElseThrow(), "Nudge", before, before.movedBy(dx, 0), ValueCommand.NUDGE));
    }

    @Test
    void undoAndRedoRestorePlacement() {
        Placement start = placement();
        history.execute(ValueCommand.placement(doc.object().orElseThrow(), "Move", start, start.movedBy(10, 5), null));
        assertThat(placement().x()).isEqualTo(170);
        history.undo();
        assertThat(placement()).isEqualTo(start);
        history.redo();
        assertThat(placement().y()).isEqualTo(125);
    }

    @Test
    void consecutiveNudgesMergeIntoOneStep() {
        Placement start = placement();
        nudge(1);
        clock.addAndGet(100);
        nudge(1);
        clock.addAndGet(100);
        nudge(10);
        assertThat(history.undoSize()).isEqualTo(1);
        history.undo();
        assertThat(placement()).isEqualTo(start);
    }

    @Test
    void nudgesAfterAPauseAreSeparateSteps() {
        nudge(1);
        clock.addAndGet(CommandHistory.MERGE_WINDOW_MS + 1);
        nudge(1);
        assertThat(history.undoSize()).isEqualTo(2);
    }

    @Test
    void sliderMovesMergeButDifferentSettingsDoNot() {
        var s0 = doc.settings();
        history.execute(ValueCommand.settings(doc.object().orElseThrow(), "Strength", s0, s0.withStrength(0.8), "strength"));
        history.execute(ValueCommand.settings(doc.object().orElseThrow(), "Strength", doc.settings(), doc.settings().withStrength(0.6), "strength"));
        history.execute(ValueCommand.settings(doc.object().orElseThrow(), "K", doc.settings(), doc.settings().withK(2), "k"));
        assertThat(history.undoSize()).isEqualTo(2);
        history.undo();
        history.undo();
        assertThat(doc.settings()).isEqualTo(s0);
    }

    @Test
    void historyIsBoundedAndNewEditClearsRedo() {
        for (int i = 0; i < 5; i++) {
            Placement p = placement();
            history.execute(ValueCommand.placement(doc.object().orElseThrow(), "Move", p, p.movedBy(1, 0), null));
        }
        assertThat(history.undoSize()).isEqualTo(3);
        history.undo();
        assertThat(history.canRedo()).isTrue();
        Placement p = placement();
        history.execute(ValueCommand.placement(doc.object().orElseThrow(), "Move", p, p.movedBy(0, 1), null));
        assertThat(history.canRedo()).isFalse();
    }
}
