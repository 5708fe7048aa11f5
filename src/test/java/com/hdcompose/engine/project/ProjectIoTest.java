package com.hdcompose.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.MaskTile;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.error.ProjectException;
import com.hdcompose.engine.task.CancellationToken;
import com.hdcompose.testsupport.TestDocs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectIoTest {
    @TempDir
    Path dir;

    private Path saved(CompositionDocument doc) {
        Path p = dir.resolve("a.hdcomp");
        ProjectWriter.write(doc.snapshot(), p, CancellationToken.none());
        return p;
    }

    /** Every entry of a project file, by name, in file order. */
    static Map<String, byte[]> entries(Path project) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(project.toFile())) {
            zip.stream().forEach(e -> {
                try {
                    out.put(e.getName(), zip.getInputStream(e).readAllBytes());
                } catch (IOException ex) {
                    throw new RuntimeException(ex);
                }
            });
        }
        return out;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        return writeZip(dir.resolve(name), entries);
    }

    /** Writes {@code entries} as the zip file {@code p}. */
    static Path writeZip(Path p, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return p;
    }

    @Test
    void roundTripKeepsPixelsMaskPlacementAndSettings() {
        CompositionDocument doc = TestDocs.simple();
        ObjectLayer layer = doc.object().orElseThrow();
        float[] soft = new float[4 * 4];
        java.util.Arrays.fill(soft, 0.3f);
        new MaskTile(new PixelRect(2, 2, 4, 4), soft).writeTo(layer.mask().mat());
        doc.setPlacement(layer.placement().movedBy(12.5, -3).withRotation(17).withScale(1.5, 0.75));
        doc.setSettings(doc.settings().withK(7).withStrength(0.4).withModel("hdnet-lite"));
        CompositionDocument back = ProjectReader.read(saved(doc));
        ObjectLayer l2 = back.object().orElseThrow();
        assertThat(l2.placement()).isEqualTo(layer.placement());
        assertThat(back.settings()).isEqualTo(doc.settings());
        assertThat(TestDocs.maskAt(l2, 3, 3)).isCloseTo(0.3f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(TestDocs.maskAt(l2, 20, 20)).isEqualTo(1f);
        byte[] px = new byte[3];
        l2.image().mat().get(5, 5, px);
        assertThat(px[0] & 0xff).isEqualTo(220);
        assertThat(back.width()).isEqualTo(320);
    }

    @Test
    void documentWithoutObjectRoundTrips() {
        CompositionDocument doc = TestDocs.simple();
        doc.setLayers(java.util.List.of(), null);
        assertThat(ProjectReader.read(saved(doc)).object()).isEmpty();
    }

    @Test
    void saveLeavesNoTemporaryFiles() throws IOException {
        saved(TestDocs.simple());
        saved(TestDocs.simple());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.hdcomp");
        }
    }

    @Test
    void rejectsZipSlipAndAbsolutePaths() throws IOException {
        Map<String, byte[]> e = entries(saved(TestDocs.simple()));
        e.put("../evil.png", new byte[] {1});
        assertThatThrownBy(() -> ProjectReader.read(zip("slip.hdcomp", e)))
                .isInstanceOf(ProjectException.class).hasMessageContaining("unsafe entry path");
        Map<String, byte[]> abs = entries(saved(TestDocs.simple()));
        abs.put("/etc/passwd", new byte[] {1});
        assertThatThrownBy(() -> ProjectReader.read(zip("abs.hdcomp", abs)))
                .hasMessageContaining("unsafe entry path");
    }

    @Test
    void rejectsUnknownEntriesAndTooManyEntries() throws IOException {
        Map<String, byte[]> e = entries(saved(TestDocs.simple()));
        e.put("notes.txt", new byte[] {1});
        assertThatThrownBy(() -> ProjectReader.read(zip("extra.hdcomp", e))).hasMessageContaining("unexpected entry");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < ProjectFormat.MAX_ENTRIES + 1; i++) {
            many.put("f" + i, new byte[0]);
        }
        assertThatThrownBy(() -> ProjectReader.read(zip("many.hdcomp", many))).hasMessageContaining("too many entries");
    }

    @Test
    void rejectsZipBombBeforeInflatingItAll() throws IOException {
        Map<String, byte[]> e = entries(saved(TestDocs.simple()));
        e.put(ProjectFormat.DOCUMENT, new byte[3 << 20]);
        assertThatThrownBy(() -> ProjectReader.read(zip("bomb.hdcomp", e)))
                .hasMessageContaining("zip bomb");
    }

    @Test
    void rejectsBadJsonWrongVersionAndSizeMismatch() throws IOException {
        Map<String, byte[]> e = entries(saved(TestDocs.simple()));
        e.put(ProjectFormat.DOCUMENT, "{not json".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ProjectReader.read(zip("json.hdcomp", e))).hasMessageContaining("document.json is not valid");

        Map<String, byte[]> v = entries(saved(TestDocs.simple()));
        v.put(ProjectFormat.DOCUMENT, new String(v.get(ProjectFormat.DOCUMENT), StandardCharsets.UTF_8)
                .replace("\"version\" : 2", "\"version\" : 99").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ProjectReader.read(zip("ver.hdcomp", v))).hasMessageContaining("version 99");

        Map<String, byte[]> s = entries(saved(TestDocs.simple()));
        s.put(ProjectFormat.DOCUMENT, new String(s.get(ProjectFormat.DOCUMENT), StandardCharsets.UTF_8)
                .replace("\"width\" : 320", "\"width\" : 321").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ProjectReader.read(zip("size.hdcomp", s))).hasMessageContaining("document.json says 321");

        Map<String, byte[]> k = entries(saved(TestDocs.simple()));
        k.put(ProjectFormat.DOCUMENT, new String(k.get(ProjectFormat.DOCUMENT), StandardCharsets.UTF_8)
                .replace("\"k\" : " + CompositionDocument.DEFAULT_SETTINGS.k(), "\"k\" : 42").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ProjectReader.read(zip("k.hdcomp", k))).hasMessageContaining("k must be between 1 and 9");
    }

    @Test
    void rejectsCorruptImagesAndNonZipFiles() throws IOException {
        Map<String, byte[]> e = entries(saved(TestDocs.simple()));
        e.put(ProjectFormat.BACKGROUND, "garbage".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ProjectReader.read(zip("img.hdcomp", e))).hasMessageStartingWith("img.hdcomp: background.png");
        Path text = Files.writeString(dir.resolve("text.hdcomp"), "hello");
        assertThatThrownBy(() -> ProjectReader.read(text)).hasMessageContaining("not an HD Compose project");
        assertThatThrownBy(() -> ProjectReader.read(dir.resolve("missing.hdcomp"))).hasMessageContaining("no such file");
    }

    @Test
    void messagesAreOneLine() throws IOException {
        Map<String, byte[]> e = entries(saved(TestDocs.simple()));
        e.put(ProjectFormat.DOCUMENT, "{\"format\":\"hdcompose-project\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ProjectReader.read(zip("partial.hdcomp", e)))
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n"));
    }

    @Test
    void recentFilesKeepNewestFirstWithoutDuplicates() throws IOException {
        Path store = dir.resolve("cfg/recent.json");
        RecentFiles recent = new RecentFiles(store);
        Path a = Files.writeString(dir.resolve("a1.hdcomp"), "x");
        Path b = Files.writeString(dir.resolve("b1.hdcomp"), "x");
        recent.add(a);
        recent.add(b);
        recent.add(a);
        assertThat(new RecentFiles(store).list()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
        Files.writeString(store, "garbage");
        assertThat(new RecentFiles(store).list()).isEmpty();
    }

    @Test
    void recoveryStoreSavesOnlyNewRevisionsAndRestores() {
        RecoveryStore store = new RecoveryStore(dir.resolve("recovery.hdcomp"));
        CompositionDocument doc = TestDocs.simple();
        doc.setSettings(doc.settings().withK(3));
        assertThat(store.hasRecovery()).isFalse();
        store.save(doc.snapshot());
        assertThat(store.needsSave(doc.revision())).isFalse();
        assertThat(store.hasRecovery()).isTrue();
        assertThat(store.restore().orElseThrow().settings().k()).isEqualTo(3);
        store.discard();
        assertThat(store.hasRecovery()).isFalse();
    }
}
