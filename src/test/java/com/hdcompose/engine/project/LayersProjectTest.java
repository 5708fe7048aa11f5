package com.hdcompose.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.LayerStackCommand;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.task.CancellationToken;
import com.hdcompose.testsupport.TestDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .hdcomp keeps every layer (order, names, visibility, settings, selection); version 1 files still open. */
class LayersProjectTest {
    @TempDir
    Path dir;

    private static CompositionDocument threeLayers() {
        CompositionDocument doc = TestDocs.simple();
        for (int i = 2; i <= 3; i++) {
            ObjectLayer l = new ObjectLayer(TestDocs.rgb(30 + i, 20, 10 * i, 200, 10), TestDocs.mask(30 + i, 20, 0.5),
                    new Placement(40.0 * i, 50, 0.5 * i, 0.5 * i, 10 * i), "layer " + i, i != 2,
                    doc.settings().withK(i));
            LayerStackCommand.add(doc, l, "Add").execute(doc);
        }
        doc.select(doc.layers().get(1));
        return doc;
    }

    @Test
    void threeLayersRoundTrip() {
        CompositionDocument doc = threeLayers();
        Path file = dir.resolve("three.hdcomp");
        ProjectWriter.write(doc.snapshot(), file, CancellationToken.none());
        CompositionDocument back = ProjectReader.read(file);
        assertThat(back.layers()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            ObjectLayer a = doc.layers().get(i);
            ObjectLayer b = back.layers().get(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.visible()).isEqualTo(a.visible());
            assertThat(b.settings()).isEqualTo(a.settings());
            assertThat(b.placement()).isEqualTo(a.placement());
            assertThat(b.width()).isEqualTo(a.width());
            assertThat(TestDocs.maskAt(b, 3, 3)).isCloseTo(TestDocs.maskAt(a, 3, 3),
                    org.assertj.core.data.Offset.offset(0.01f));
        }
        assertThat(back.object()).contains(back.layers().get(1));
    }

    @Test
    void aVersionOneProjectOpensAsOneLayer() throws IOException {
        Path v2 = dir.resolve("v2.hdcomp");
        ProjectWriter.write(TestDocs.simple().snapshot(), v2, CancellationToken.none());
        Map<String, byte[]> entries = ProjectIoTest.entries(v2);
        String v1 = """
                {"format":"hdcompose-project","version":1,"background":{"width":320,"height":240},
                 "object":{"width":80,"height":60,"x":100,"y":90,"scaleX":1.5,"scaleY":1.5,"rotation":5},
                 "settings":{"model":"s2crnet","k":3,"strength":0.7,"workingSize":384}}""";
        entries.put(ProjectFormat.DOCUMENT, v1.getBytes(StandardCharsets.UTF_8));
        CompositionDocument doc = ProjectReader.read(ProjectIoTest.writeZip(dir.resolve("v1.hdcomp"), entries));
        assertThat(doc.layers()).hasSize(1);
        ObjectLayer l = doc.object().orElseThrow();
        assertThat(l.placement()).isEqualTo(new Placement(100, 90, 1.5, 1.5, 5));
        assertThat(l.settings().model()).isEqualTo("s2crnet");
        assertThat(l.settings().k()).isEqualTo(3);
        assertThat(l.visible()).isTrue();
        assertThat(List.of(doc.settings().workingSize())).containsExactly(384);
    }
}
