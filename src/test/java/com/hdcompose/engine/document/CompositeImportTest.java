package com.hdcompose.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskFileReader;
import com.hdcompose.engine.imaging.TestImages;
import com.hdcompose.engine.project.CompositePair;
import com.hdcompose.testsupport.TestDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;

/** A composite with its mask becomes background plus a layer in place; NAME_comp / NAME_mask files pair up. */
class CompositeImportTest {
    @TempDir
    Path dir;

    @Test
    void theObjectBecomesALayerExactlyWhereItWas() {
        try (ManagedMat comp = ImageFileReader.read(TestImages.resource("triplets/rainnet1_comp.png")).rgb();
             ManagedMat mask = MaskFileReader.read(TestImages.resource("triplets/rainnet1_mask.png"))) {
            CompositeImport.Split split = CompositeImport.split(comp, mask, "rainnet1",
                    CompositionDocument.DEFAULT_SETTINGS);
            ObjectLayer layer = split.layer();
            assertThat(layer.name()).isEqualTo("rainnet1");
            assertThat(layer.placement().scaleX()).isEqualTo(1);
            try (RenderedComposite again = CompositeRenderer.render(split.background(), layer);
                 ManagedMat diff = ManagedMat.empty();
                 ManagedMat inside = ManagedMat.empty()) {
                Core.absdiff(again.image().mat(), comp.mat(), diff.mat());
                Core.compare(mask.mat(), new org.opencv.core.Scalar(0.99), inside.mat(), Core.CMP_GE);
                assertThat(Core.norm(diff.mat(), Core.NORM_INF, inside.mat())).as("object pixels in place")
                        .isLessThanOrEqualTo(2);
            }
            // the background no longer holds the object where it was (filled from the surroundings)
            try (ManagedMat diff = ManagedMat.empty(); ManagedMat inside = ManagedMat.empty()) {
                Core.absdiff(split.background().mat(), comp.mat(), diff.mat());
                Core.compare(mask.mat(), new org.opencv.core.Scalar(0.99), inside.mat(), Core.CMP_GE);
                assertThat(Core.norm(diff.mat(), Core.NORM_L1, inside.mat())).isPositive();
            }
            split.background().close();
        }
    }

    @Test
    void anEmptyOrMismatchedMaskIsRefusedWithOneLine() {
        ManagedMat comp = TestDocs.rgb(40, 30, 1, 2, 3);
        assertThatThrownBy(() -> CompositeImport.split(comp, TestDocs.mask(40, 30, 0), "x",
                CompositionDocument.DEFAULT_SETTINGS)).hasMessage("the mask is empty: it selects no object");
        assertThatThrownBy(() -> CompositeImport.split(comp, TestDocs.mask(20, 30, 1), "x",
                CompositionDocument.DEFAULT_SETTINGS)).hasMessage("mask is 20x30 but composite is 40x30");
    }

    @Test
    void compAndMaskFilesPairUp() throws IOException {
        Path comp = Files.createFile(dir.resolve("scene_comp.jpg"));
        Path mask = Files.createFile(dir.resolve("scene_mask.png"));
        Path other = Files.createFile(dir.resolve("holiday.png"));
        assertThat(CompositePair.among(List.of(mask, comp))).contains(new CompositePair(comp, mask));
        assertThat(CompositePair.among(List.of(comp))).contains(new CompositePair(comp, mask));
        assertThat(CompositePair.among(List.of(other))).isEmpty();
        assertThat(CompositePair.among(List.of(other, comp))).isEmpty();
        Files.delete(mask);
        assertThat(CompositePair.besides(comp)).isEmpty();
    }
}
