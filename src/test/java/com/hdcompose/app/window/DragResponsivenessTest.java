package com.hdcompose.app.window;

import static com.hdcompose.app.EditorFixture.call;
import static org.assertj.core.api.Assertions.assertThat;


import com.hdcompose.app.EditorUiTest;
import com.hdcompose.engine.document.Placement;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Responsiveness check: drags the object for a few seconds while live previews run (a fake model taking 120 ms per
 * run and 700 ms to load, switched to a not yet loaded model as the drag starts) and records the time between JavaFX
 * pulses with an AnimationTimer. Pulse gaps must stay within 100 ms; on the shared 2-core machine under load the OS
 * scheduler alone causes a few longer ones, so up to 0.5 % of the gaps may exceed 100 ms but none may reach 500 ms.
 * A model run on the FX thread would make every preview a gap over 100 ms, a load on it one of 700 ms; no model may
 * be loaded on the FX thread at all. With {@code -Dhdcompose.strictPulse=true} every gap must stay within 50 ms.
 */
class DragResponsivenessTest extends EditorUiTest {
    @Override
    protected long harmonizerDelayMillis() {
        return 120;
    }

    @Override
    protected long modelLoadMillis() {
        return 700;
    }

    @Test
    void fxPulsesKeepComingWhileDraggingWithLivePreview(FxRobot robot) {
        fx.waitForFullPreview();
        List<Long> pulses = new ArrayList<>();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.add(System.nanoTime());
            }
        };
        robot.interact(timer::start);
        Placement start = fx.placement();
        Point2D from = fx.screenOf(start.x(), start.y());
        int runsBefore = fx.provider.harmonizer.runs.get();
        robot.interact(() -> fx.session().execute(com.hdcompose.engine.document.ValueCommand.settings(fx.layer(),
                "Choose model", fx.doc().settings(), fx.doc().settings().withModel("classic"), null)));
        robot.drag(from, MouseButton.PRIMARY);
        for (int i = 1; i <= 120; i++) {
            double angle = i / 120.0 * 4 * Math.PI;
            robot.moveTo(from.add(Math.cos(angle) * 80, Math.sin(angle) * 40));
        }
        robot.release(MouseButton.PRIMARY);
        int previewsDuringDrag = fx.provider.harmonizer.runs.get() - runsBefore;
        robot.interact(timer::stop);
        List<Long> copy = call(() -> new ArrayList<>(pulses));
        long maxGap = 0;
        for (int i = 1; i < copy.size(); i++) {
            maxGap = Math.max(maxGap, copy.get(i) - copy.get(i - 1));
        }
        double maxGapMs = maxGap / 1e6;
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < copy.size(); i++) {
            gaps.add(copy.get(i) - copy.get(i - 1));
        }
        gaps.sort(null);
        double p99 = gaps.get((int) (gaps.size() * 0.99)) / 1e6;
        long over33 = gaps.stream().filter(g -> g > 33_000_000L).count();
        double seconds = (copy.get(copy.size() - 1) - copy.get(0)) / 1e9;
        System.out.printf("PULSE-GAP: max %.1f ms, p99 %.1f ms, %d gaps > 33 ms, %d > 100 ms, over %d pulses in %.1f s"
                + " of dragging; %d previews computed during the drag%n", maxGapMs, p99, over33,
                gaps.stream().filter(g -> g > 100_000_000L).count(), copy.size(), seconds, previewsDuringDrag);
        assertThat(previewsDuringDrag).isGreaterThan(1);
        assertThat(fx.placement()).isNotEqualTo(start);
        assertThat(fx.provider.loadThreads).as("models load on background threads").noneMatch(
                t -> t.contains("JavaFX Application Thread")).anyMatch(t -> t.startsWith("hdcompose-preview"));
        if (Boolean.getBoolean("hdcompose.strictPulse")) {
            assertThat(maxGapMs).isLessThanOrEqualTo(50);
        }
        long over100 = gaps.stream().filter(g -> g > 100_000_000L).count();
        assertThat(over100).as("pulse gaps over 100 ms").isLessThanOrEqualTo(Math.max(1, gaps.size() / 200));
        assertThat(maxGapMs).isLessThan(500);
    }
}
