package com.hdcompose.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ManagedMat;
import java.io.IOException;
import java.nio.file.Path;

/** The scene a new user sees first: {@code assets/demo/scene.json} naming a background, an RGBA object and its placement. */
public final class DemoScene {
    private DemoScene() {
    }

    /** The demo scene flattened: its composite (object placed on the background) and the placed mask; caller owns it. */
    public static RenderedComposite rendered(Path assetsDir) {
        CompositionDocument doc = load(assetsDir);
        ObjectLayer object = doc.object().orElseThrow(() -> new IllegalStateException("demo scene has no object"));
        try {
            return CompositeRenderer.render(doc.background(), object);
        } finally {
            doc.background().close();
        }
    }

    /** Loads the demo scene from {@code assetsDir/demo}; throws a BAD_INPUT {@link HarmonizeException} with one line on failure. */
    public static CompositionDocument load(Path assetsDir) {
        Path demo = assetsDir.resolve("demo");
        JsonNode scene;
        try {
            scene = new ObjectMapper().readTree(demo.resolve("scene.json").toFile());
        } catch (IOException e) {
            throw HarmonizeException.badInput("demo scene: cannot read scene.json (" + e.getMessage() + ")");
        }
        ManagedMat background;
        try (DecodedImage bg = ImageFileReader.read(demo.resolve(scene.path("background").asText("background.jpg")))) {
            background = bg.rgb().copy();
        }
        ObjectLayer layer;
        try (DecodedImage obj = ImageFileReader.read(demo.resolve(scene.path("object").asText("object.png")))) {
            JsonNode p = scene.path("placement");
            Placement placement = p.isMissingNode()
                    ? Placement.centred(background.width(), background.height(), obj.rgb().width(), obj.rgb().height(), 0.5)
                    : new Placement(p.path("x").asDouble(), p.path("y").asDouble(), p.path("scaleX").asDouble(1),
                            p.path("scaleY").asDouble(1), p.path("rotation").asDouble(0));
            layer = ObjectLayer.fromDecoded(obj, placement);
        }
        return new CompositionDocument(background, layer, settings(scene.path("settings")));
    }

    private static HarmonizeOptions settings(JsonNode s) {
        HarmonizeOptions d = CompositionDocument.DEFAULT_SETTINGS;
        if (s.isMissingNode()) {
            return d;
        }
        return new HarmonizeOptions(s.path("model").asText(d.model()), s.path("k").asInt(d.k()),
                s.path("workingSize").asInt(d.workingSize()), s.path("strength").asDouble(d.strength()));
    }
}
