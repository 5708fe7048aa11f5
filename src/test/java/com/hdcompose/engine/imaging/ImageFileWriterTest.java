package com.hdcompose.engine.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hdcompose.engine.error.HarmonizeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesPngLosslesslyIntoNewFoldersLeavingNoTempFiles() throws IOException {
        Path target = dir.resolve("a/b/out.png");
        try (ManagedMat img = TestImages.solid(9, 7, 250, 5, 128)) {
            ImageFileWriter.write(img, target);
            ImageFileWriter.write(img, target);
        }
        try (DecodedImage back = ImageFileReader.read(target)) {
            assertThat(TestImages.pixel(back.rgb(), 4, 4)).containsExactly(250, 5, 128);
        }
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void writesJpegWithQuality() {
        Path target = dir.resolve("out.jpg");
        try (ManagedMat img = TestImages.solid(16, 16, 200, 100, 50)) {
            ImageFileWriter.write(img, target, 90);
        }
        try (DecodedImage back = ImageFileReader.read(target)) {
            int[] p = TestImages.pixel(back.rgb(), 8, 8);
            assertThat(p[0]).isBetween(195, 205);
            assertThat(p[2]).isBetween(45, 55);
        }
    }

    @Test
    void refusesADirectoryOrUnknownExtensionAndKeepsTheOldFile() throws IOException {
        Path existing = dir.resolve("keep.png");
        Files.write(existing, new byte[] {1, 2, 3});
        try (ManagedMat img = TestImages.solid(4, 4, 1, 1, 1)) {
            assertThatThrownBy(() -> ImageFileWriter.write(img, dir.resolve("x.gif")))
                    .isInstanceOf(HarmonizeException.class).hasMessage("x.gif: can only write .png, .jpg or .jpeg files");
            Files.createDirectory(dir.resolve("folder.png"));
            assertThatThrownBy(() -> ImageFileWriter.write(img, dir.resolve("folder.png")))
                    .hasMessage("cannot write " + dir.resolve("folder.png") + ": is a directory");
        }
        assertThat(Files.readAllBytes(existing)).containsExactly(1, 2, 3);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("keep.png", "folder.png");
        }
    }
}
