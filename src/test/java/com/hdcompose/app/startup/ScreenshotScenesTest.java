package com.hdcompose.app.startup;

import static com.hdcompose.app.EditorFixture.call;
import static com.hdcompose.app.EditorFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.app.EditorUiTest;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.render.PreviewQuality;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The screenshot scenes of issue 17: "two-places" (the same object as two layers, apart, each with its own full
 * preview), "kcompare-sun" (the object dragged by the sun, one undoable move) and "kcompare-sea" (the object on the
 * blue-hour sea photo).
 */
class ScreenshotScenesTest extends EditorUiTest {
    @Test
    void theObjectStandsTwiceAtDifferentPlacesAndBothAreHarmonized(FxRobot robot) {
        Placement original = fx.placement();
        robot.interact(() -> ScreenshotScenes.twoPlaces(fx.window));
        List<ObjectLayer> layers = call(() -> List.copyOf(fx.doc().layers()));
        assertThat(layers).hasSize(2);
        Placement a = call(() -> layers.get(0).placement());
        Placement b = call(() -> layers.get(1).placement());
        assertThat(a).isEqualTo(original);
        assertThat(b.scaleX()).isEqualTo(a.scaleX());
        assertThat(b.y()).isEqualTo(a.y());
        assertThat(b.x()).isCloseTo(0.6 * call(() -> fx.doc().width()), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(call(() -> fx.layer().name())).isEqualTo("By the sun");
        waitUntil(() -> {
            var sprites = fx.window.preview().spritesProperty().get();
            return layers.stream().allMatch(l -> sprites.containsKey(l.id())
                    && sprites.get(l.id()).quality() == PreviewQuality.FULL);
        });
    }

    @Test
    void byTheSunMovesTheObjectToTheBrightMiddleAsOneUndoableStep(FxRobot robot) {
        Placement original = fx.placement();
        robot.interact(() -> ScreenshotScenes.byTheSun(fx.window));
        Placement moved = fx.placement();
        assertThat(call(() -> fx.doc().layers().size())).isEqualTo(1);
        assertThat(moved.x()).isCloseTo(0.6 * call(() -> fx.doc().width()), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(moved.withRotation(0)).isEqualTo(new Placement(moved.x(), original.y(), original.scaleX(),
                original.scaleY(), 0));
        robot.interact(() -> fx.window.session().undo());
        assertThat(fx.placement()).isEqualTo(original);
    }

    @Test
    void onTheBlueHourSeaTheBackgroundIsThePhotoAndTheObjectStandsLeftOfTheMiddle(FxRobot robot) {
        robot.interact(() -> ScreenshotScenes.onBlueHourSea(fx.window, java.nio.file.Path.of("assets")));
        assertThat(call(() -> fx.doc().width())).isEqualTo(1600);
        assertThat(call(() -> fx.doc().height())).isEqualTo(1067);
        Placement p = fx.placement();
        double w = call(() -> fx.layer().width());
        assertThat(p.scaleX()).isEqualTo(0.6);
        assertThat(p.x()).isCloseTo(0.3 * (1600 - 0.6 * w), org.assertj.core.data.Offset.offset(1e-9));
    }
}
