package com.hdcompose.engine.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoSceneTest {
    @Test
    void demoSceneLoadsWithAnAlphaMaskedObject() {
        CompositionDocument doc = DemoScene.load(Path.of("assets"));
        assertThat(doc.width()).isEqualTo(1600);
        ObjectLayer layer = doc.object().orElseThrow();
        assertThat(layer.width()).isGreaterThan(300);
        double[] minMax = {Double.MAX_VALUE, -1};
        float[] all = new float[layer.width() * layer.height()];
        layer.mask().mat().get(0, 0, all);
        for (float v : all) {
            minMax[0] = Math.min(minMax[0], v);
            minMax[1] = Math.max(minMax[1], v);
        }
        assertThat(minMax[0]).isZero();
        assertThat(minMax[1]).isEqualTo(1.0);
        assertThat(layer.placement().scaleX()).isEqualTo(0.6);
        assertThat(doc.settings().model()).as("the demo scene starts on the default model").isEqualTo("hdnet-ct");
        assertThat(CompositionDocument.DEFAULT_SETTINGS.model()).isEqualTo("hdnet-ct");
    }

    @Test
    void assetsPropertyWins() {
        System.setProperty("hdcompose.assets.dir", Path.of("assets").toAbsolutePath().toString());
        try {
            assertThat(AssetsLocator.find()).contains(Path.of("assets").toAbsolutePath());
        } finally {
            System.clearProperty("hdcompose.assets.dir");
        }
    }
}
