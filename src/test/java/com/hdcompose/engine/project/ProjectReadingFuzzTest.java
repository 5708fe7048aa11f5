package com.hdcompose.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.error.ProjectException;
import com.hdcompose.engine.imaging.ImageSizeLimit;
import com.hdcompose.engine.task.CancellationToken;
import com.hdcompose.testsupport.ByteMutations;
import com.hdcompose.testsupport.FuzzBudget;
import com.hdcompose.testsupport.TestDocs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes {@code .hdcomp} reading: saved projects damaged at the byte level, projects whose entries were edited
 * (damaged images, odd JSON values, missing, extra or unsafe entries) and random bytes either open within the size
 * limits or fail with a one-line {@link ProjectException} naming the file; no other exception escapes.
 */
class ProjectReadingFuzzTest {
    private static final String NAME = "fuzz.hdcomp";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, byte[]>> SEEDS = List.of(entries(true), entries(false));
    private static final List<byte[]> SEED_FILES = SEEDS.stream().map(ProjectReadingFuzzTest::zip).toList();
    private static final List<Object> ODD_VALUES = List.of(-1, 0, 1, 3, 9, 10, 257, Integer.MAX_VALUE,
            Integer.MIN_VALUE, 1e308, -1e308, 0.5, "", "x", "hdnet", true);
    private static final List<String> ODD_NAMES = List.of("../escape.png", "/abs.png", "dir/object.png", "C:x.png",
            "notes.txt", "object.png/", "mask.png\\x", "back\u0000ground.png");

    private final FuzzBudget budget = new FuzzBudget();

    @Property(tries = 600, shrinking = ShrinkingMode.BOUNDED)
    void damagedProjectFilesOpenOrFailWithOneLine(@ForAll("damagedFiles") byte[] bytes) throws IOException {
        budget.count("damaged project files");
        check(bytes);
    }

    @Property(tries = 600, shrinking = ShrinkingMode.BOUNDED)
    void editedProjectEntriesOpenOrFailWithOneLine(@ForAll("editedEntries") byte[] bytes) throws IOException {
        budget.count("edited project entries");
        check(bytes);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void randomBytesOpenOrFailWithOneLine(@ForAll("randomBytes") byte[] bytes) throws IOException {
        budget.count("random bytes as projects");
        check(bytes);
    }

    @AfterProperty
    void report() {
        budget.report();
    }

    @Provide
    Arbitrary<byte[]> damagedFiles() {
        return ByteMutations.mutated(Arbitraries.of(SEED_FILES));
    }

    @Provide
    Arbitrary<byte[]> editedEntries() {
        Arbitrary<Map<String, byte[]>> seed = Arbitraries.of(SEEDS);
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(EditKind.class),
                Arbitraries.of(ProjectFormat.DOCUMENT, ProjectFormat.BACKGROUND, ProjectFormat.OBJECT,
                        ProjectFormat.MASK), Arbitraries.integers().between(0, 1 << 20),
                ByteMutations.mutation().list().ofMinSize(1).ofMaxSize(4)).as(Edit::new);
        return Combinators.combine(seed, edit.list().ofMinSize(1).ofMaxSize(3)).as((entries, edits) -> {
            Map<String, byte[]> out = new LinkedHashMap<>(entries);
            edits.forEach(e -> e.apply(out));
            return zip(out);
        });
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return ByteMutations.randomBytes(List.of(new byte[] {'P', 'K', 3, 4}, new byte[] {'P', 'K', 5, 6}));
    }

    private void check(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("hdc-fuzz");
        Path file = dir.resolve(NAME);
        Files.write(file, bytes);
        String outcome;
        try {
            CompositionDocument doc = ProjectReader.read(file);
            assertWithinLimits(doc);
            release(doc);
            outcome = "opened";
        } catch (ProjectException e) {
            assertThat(e.getMessage()).startsWith(NAME + ": ").doesNotContain("\n", "\r").hasSizeLessThan(300);
            outcome = ByteMutations.category(e.getMessage(), NAME);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        Statistics.label("outcome").collect(outcome);
    }

    private static void assertWithinLimits(CompositionDocument doc) {
        assertThat(doc.width()).isBetween(1, ImageSizeLimit.MAX_SIDE);
        assertThat(doc.height()).isBetween(1, ImageSizeLimit.MAX_SIDE);
        doc.object().ifPresent(o -> {
            assertThat(o.mask().width()).isEqualTo(o.width());
            assertThat(o.mask().height()).isEqualTo(o.height());
        });
    }

    private static void release(CompositionDocument doc) {
        doc.background().close();
        doc.object().ifPresent(o -> {
            o.image().close();
            o.mask().close();
        });
    }

    /** Kinds of entry-level edits. */
    enum EditKind { MUTATE_BYTES, JSON_VALUE, JSON_REMOVE, DROP_ENTRY, ODD_ENTRY }

    /** One entry-level edit: {@code pick} chooses the JSON field, odd value or odd entry name. */
    record Edit(EditKind kind, String entry, int pick, List<ByteMutations.Mutation> mutations) {
        void apply(Map<String, byte[]> entries) {
            switch (kind) {
                case MUTATE_BYTES -> entries.computeIfPresent(entry, (k, v) -> ByteMutations.applyAll(v, mutations));
                case JSON_VALUE, JSON_REMOVE -> entries.computeIfPresent(ProjectFormat.DOCUMENT, (k, v) -> editJson(v));
                case DROP_ENTRY -> entries.remove(entry);
                case ODD_ENTRY -> entries.put(ODD_NAMES.get(pick % ODD_NAMES.size()), new byte[] {1, 2, 3});
                default -> throw new IllegalStateException(kind.toString());
            }
        }

        private byte[] editJson(byte[] json) {
            try {
                JsonNode root = JSON.readTree(json);
                List<ObjectNode> parents = new ArrayList<>();
                List<String> fields = new ArrayList<>();
                collect(root, parents, fields);
                if (fields.isEmpty()) {  // an earlier edit left no object field (e.g. the document became "[]")
                    return json;
                }
                int i = pick % fields.size();
                if (kind == EditKind.JSON_REMOVE) {
                    parents.get(i).remove(fields.get(i));
                } else {
                    parents.get(i).set(fields.get(i), JSON.valueToTree(ODD_VALUES.get(pick % ODD_VALUES.size())));
                }
                return JSON.writeValueAsBytes(root);
            } catch (IOException e) {
                return json;
            }
        }

        private static void collect(JsonNode node, List<ObjectNode> parents, List<String> fields) {
            if (node instanceof ObjectNode o) {
                o.fieldNames().forEachRemaining(f -> {
                    parents.add(o);
                    fields.add(f);
                    collect(o.get(f), parents, fields);
                });
            }
        }
    }

    private static Map<String, byte[]> entries(boolean withObject) {
        CompositionDocument doc = TestDocs.simple();
        if (!withObject) {
            doc.setLayers(java.util.List.of(), null);
        }
        try {
            Path dir = Files.createTempDirectory("hdc-fuzz-seed");
            Path file = dir.resolve("seed.hdcomp");
            ProjectWriter.write(doc.snapshot(), file, CancellationToken.none());
            Map<String, byte[]> out = new LinkedHashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    out.put(e.getName(), zip.getInputStream(e).readAllBytes());
                }
            }
            Files.delete(file);
            Files.delete(dir);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
