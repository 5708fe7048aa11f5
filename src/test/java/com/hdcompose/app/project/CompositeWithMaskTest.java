package com.hdcompose.app.project;

import static com.hdcompose.app.EditorFixture.call;
import static com.hdcompose.app.EditorFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.app.EditorUiTest;
import com.hdcompose.app.notify.Notifier;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.imaging.TestImages;
import com.hdcompose.engine.project.CompositePair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Opening a composite with its mask in the real window: the object becomes a layer in place, undo takes it back. */
class CompositeWithMaskTest extends EditorUiTest {
    @Test
    void compositeAndMaskOpenAsBackgroundPlusLayerInPlace(FxRobot robot) throws Exception {
        Path comp = Files.copy(TestImages.resource("triplets/rainnet1_comp.png"), fx.dir.resolve("street_comp.png"));
        Path mask = Files.copy(TestImages.resource("triplets/rainnet1_mask.png"), fx.dir.resolve("street_mask.png"));
        CompositePair pair = CompositePair.among(List.of(mask, comp)).orElseThrow();
        robot.interact(() -> fx.window.imports().openCompositeWithMask(pair.composite(), pair.mask()));
        waitUntil(() -> fx.doc().width() == 256);
        assertThat(call(() -> fx.doc().layers().size())).as("a new scene: the object is its only layer").isEqualTo(1);
        ObjectLayer layer = call(() -> fx.layer());
        assertThat(layer.name()).isEqualTo("street");
        assertThat(layer.placement().scaleX()).isEqualTo(1);
        assertThat(layer.width()).isLessThan(256);
        assertThat(call(() -> fx.window.notifier().lastMessageProperty().get())).contains("street_comp.png")
                .contains("street_mask.png");
        waitUntil(() -> fx.window.preview().spritesProperty().get().containsKey(layer.id()));
        robot.interact(() -> fx.session().undo());
        assertThat(call(() -> fx.layer().name())).isEqualTo("Object");
        assertThat(call(() -> fx.doc().width())).isEqualTo(320);
    }

    @Test
    void aMaskOfAnotherSizeIsAOneLineErrorAndChangesNothing(FxRobot robot) throws Exception {
        Path comp = Files.copy(TestImages.resource("triplets/rainnet1_comp.png"), fx.dir.resolve("a_comp.png"));
        Path mask = Files.copy(TestImages.resource("bad/mask-small.png"), fx.dir.resolve("a_mask.png"));
        robot.interact(() -> fx.window.imports().openCompositeWithMask(comp, mask));
        waitUntil(() -> fx.window.notifier().lastLevel() == Notifier.Level.ERROR);
        assertThat(call(() -> fx.window.notifier().lastMessageProperty().get()))
                .isEqualTo("Could not open a_comp.png with a_mask.png: mask is 32x16 but composite is 256x256")
                .doesNotContain("\n");
        assertThat(call(() -> fx.doc().layers().size())).isEqualTo(1);
    }
}
