package com.hdcompose.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.document.LayerStackCommand;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.harmonize.ClassicHarmonizer;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.TestImages;
import com.hdcompose.engine.task.CancellationToken;
import com.hdcompose.engine.task.TaskContext;
import com.hdcompose.testsupport.TestDocs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and preview compose every visible layer, each harmonized over the layers below; the mask export. */
class LayerExportTest {
    @TempDir
    Path dir;

    /** The simple document (red object at 160,120) plus a green 40x30 object at (60, 60), strength 0 (no recolouring). */
    private static CompositionDocument twoLayers() {
        CompositionDocument doc = TestDocs.simple();
        doc.setSettings(doc.settings().withStrength(0));
        ObjectLayer green = new ObjectLayer(TestDocs.rgb(40, 30, 10, 200, 10), TestDocs.mask(40, 30, 1),
                new Placement(60, 60, 1, 1, 0), "green", true, doc.settings());
        LayerStackCommand.add(doc, green, "Add").execute(doc);
        return doc;
    }

    private int[] exported(CompositionDocument doc, String name, int x, int y) {
        Path png = dir.resolve(name);
        try (DocumentSnapshot s = doc.snapshot(); ClassicHarmonizer classic = new ClassicHarmonizer()) {
            ExportJob.run(s, classic, new ExportSettings(ExportSettings.Format.PNG, 95, 320), png,
                    new TaskContext(CancellationToken.none(), (f, m) -> { }));
        }
        try (DecodedImage img = ImageFileReader.read(png)) {
            return TestImages.pixel(img.rgb(), x, y);
        }
    }

    @Test
    void exportComposesAllVisibleLayers() {
        CompositionDocument doc = twoLayers();
        assertThat(exported(doc, "both.png", 160, 120)).containsExactly(220, 40, 30);
        assertThat(exported(doc, "both2.png", 60, 60)).containsExactly(10, 200, 10);
        doc.setVisible(doc.layers().get(1), false);
        assertThat(exported(doc, "hidden.png", 60, 60)).containsExactly(40, 80, 160);
        assertThat(exported(doc, "hidden2.png", 160, 120)).containsExactly(220, 40, 30);
    }

    @Test
    void previewStackHarmonizesEachVisibleLayerOverTheOnesBelow() {
        CompositionDocument doc = TestDocs.simple();
        ObjectLayer top = new ObjectLayer(TestDocs.rgb(40, 30, 10, 200, 10), TestDocs.mask(40, 30, 1),
                new Placement(160, 120, 1, 1, 0), "top", true, doc.settings());
        LayerStackCommand.add(doc, top, "Add").execute(doc);
        try (DocumentSnapshot s = doc.snapshot(); ClassicHarmonizer classic = new ClassicHarmonizer()) {
            List<PreviewFrame> frames = PreviewJob.runStack(s, m -> classic, PreviewQuality.FULL,
                    CancellationToken.none());
            assertThat(frames).extracting(PreviewFrame::layerId).containsExactly(doc.layers().get(0).id(), top.id());
            // the top layer's surroundings are the harmonized red object, not the blue background
            int[] around = TestImages.pixel(frames.get(1).harmonized(), 160 - 30, 120);
            int[] bottomAlone = TestImages.pixel(frames.get(0).harmonized(), 160 - 30, 120);
            assertThat(around).containsExactly(bottomAlone);
            frames.forEach(PreviewFrame::close);
        }
    }

    @Test
    void maskExportIsTheSelectedLayerPlacedOnTheBackground() {
        CompositionDocument doc = twoLayers();
        Path png = dir.resolve("mask.png");
        try (DocumentSnapshot s = doc.snapshot()) {
            ExportJob.runMask(s, new ExportSettings(ExportSettings.Format.PNG, 95, 320), png,
                    new TaskContext(CancellationToken.none(), (f, m) -> { }));
        }
        try (DecodedImage img = ImageFileReader.read(png); ManagedMat rgb = img.rgb()) {
            assertThat(TestImages.pixel(rgb, 60, 60)).containsExactly(255, 255, 255);
            assertThat(TestImages.pixel(rgb, 160, 120)).containsExactly(0, 0, 0);
        }
    }
}
