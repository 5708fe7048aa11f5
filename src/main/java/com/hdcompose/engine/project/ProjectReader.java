package com.hdcompose.engine.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.error.HarmonizeException;
import com.hdcompose.engine.error.ProjectException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.DecodedImage;
import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens a {@code .hdcomp} project, trusting nothing in it: entry names and count, uncompressed sizes (counted while
 * inflating, not taken from headers), image dimensions and every JSON field are checked; any problem is a
 * {@link ProjectException} with one line naming the file and the fault.
 */
public final class ProjectReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectReader() {
    }

    public static CompositionDocument read(Path file) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > ProjectFormat.MAX_FILE_BYTES) {
                throw fail(name, "file is larger than 800 MB");
            }
        } catch (NoSuchFileException e) {
            throw fail(name, "no such file");
        } catch (IOException e) {
            throw fail(name, "cannot read (" + e.getMessage() + ")");
        }
        Map<String, byte[]> entries;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            entries = ZipEntryReader.readAll(zip, name);
        } catch (ZipException e) {
            throw fail(name, "not an HD Compose project (damaged or not a zip file)");
        } catch (IOException e) {
            throw fail(name, "cannot read (" + e.getMessage() + ")");
        }
        return build(name, entries);
    }

    private static CompositionDocument build(String name, Map<String, byte[]> entries) {
        byte[] jsonBytes = entries.get(ProjectFormat.DOCUMENT);
        if (jsonBytes == null || !entries.containsKey(ProjectFormat.BACKGROUND)) {
            throw fail(name, "missing document.json or background.png");
        }
        DocumentJson json = parse(name, jsonBytes);
        List<DocumentJson.LayerJson> layerJson = layerList(json);
        int count = layerJson.size();
        if (count > ProjectFormat.MAX_LAYERS || entries.size() != 2 + 2 * count) {
            throw fail(name, "the image entries and document.json disagree about the object layers");
        }
        for (int i = 0; i < count; i++) {
            if (!entries.containsKey(ProjectFormat.objectEntry(i)) || !entries.containsKey(ProjectFormat.maskEntry(i))) {
                throw fail(name, "the image entries and document.json disagree about the object layers");
            }
        }
        HarmonizeOptions settings = settings(name, json.settings());
        List<ObjectLayer> layers = new ArrayList<>();
        ManagedMat background = null;
        try {
            background = decodeRgb(name, entries.get(ProjectFormat.BACKGROUND), ProjectFormat.BACKGROUND);
            expectSize(name, ProjectFormat.BACKGROUND, background, json.background().width(), json.background().height());
            for (int i = 0; i < count; i++) {
                DocumentJson.LayerJson l = layerJson.get(i);
                if (l.object() == null) {
                    throw fail(name, "document.json: layer " + (i + 1) + " lacks its size and placement");
                }
                HarmonizeOptions own = l.settings() == null ? settings : settings(name, l.settings());
                String layerName = l.name() == null || l.name().isBlank() ? "Object " + (i + 1) : l.name();
                layers.add(objectLayer(name, entries, i, l.object(), layerName, l.visible(), own));
            }
            int selected = json.selected() == null ? count - 1 : Math.max(-1, Math.min(count - 1, json.selected()));
            return new CompositionDocument(background, layers, selected, settings);
        } catch (RuntimeException e) {
            if (background != null) {
                background.close();
            }
            for (ObjectLayer l : layers) {
                l.image().close();
                l.mask().close();
            }
            throw e;
        }
    }

    /** Version 2's layer list, or version 1's single object (if any) as one visible layer. */
    private static List<DocumentJson.LayerJson> layerList(DocumentJson json) {
        if (json.layers() != null) {
            return json.layers();
        }
        return json.object() == null ? List.of() : List.of(new DocumentJson.LayerJson("Object 1", true, json.object(),
                json.settings()));
    }

    private static ObjectLayer objectLayer(String name, Map<String, byte[]> entries, int index,
                                           DocumentJson.ObjectJson o, String layerName, boolean visible,
                                           HarmonizeOptions settings) {
        String objectEntry = ProjectFormat.objectEntry(index);
        String maskEntry = ProjectFormat.maskEntry(index);
        ManagedMat image = decodeRgb(name, entries.get(objectEntry), objectEntry);
        ManagedMat mask;
        try {
            expectSize(name, objectEntry, image, o.width(), o.height());
            mask = MaskFileReader.read(entries.get(maskEntry), maskEntry);
        } catch (HarmonizeException e) {
            image.close();
            throw fail(name, e.getMessage());
        } catch (RuntimeException e) {
            image.close();
            throw e;
        }
        try {
            expectSize(name, maskEntry, mask, o.width(), o.height());
            Placement p = new Placement(o.x(), o.y(), o.scaleX(), o.scaleY(), o.rotation());
            return new ObjectLayer(image, mask, p, layerName, visible, settings);
        } catch (IllegalArgumentException e) {
            image.close();
            mask.close();
            throw fail(name, "document.json: " + e.getMessage());
        } catch (RuntimeException e) {
            image.close();
            mask.close();
            throw e;
        }
    }

    private static DocumentJson parse(String name, byte[] bytes) {
        DocumentJson json;
        try {
            json = JSON.readValue(bytes, DocumentJson.class);
        } catch (JsonProcessingException e) {
            throw fail(name, "document.json is not valid (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw fail(name, "document.json cannot be read");
        }
        if (json == null || !DocumentJson.FORMAT.equals(json.format())) {
            throw fail(name, "document.json is not an HD Compose document");
        }
        if (json.version() < 1 || json.version() > DocumentJson.VERSION) {
            throw fail(name, "document version " + json.version() + " is not supported (this HD Compose reads version "
                    + DocumentJson.VERSION + ")");
        }
        if (json.background() == null || json.settings() == null) {
            throw fail(name, "document.json lacks background size or settings");
        }
        return json;
    }

    private static HarmonizeOptions settings(String name, DocumentJson.SettingsJson s) {
        try {
            return new HarmonizeOptions(s.model(), s.k(), s.workingSize(), s.strength());
        } catch (IllegalArgumentException e) {
            throw fail(name, "document.json settings: " + e.getMessage());
        }
    }

    private static ManagedMat decodeRgb(String name, byte[] bytes, String entry) {
        try {
            DecodedImage img = ImageFileReader.read(bytes, entry);
            img.alpha().ifPresent(ManagedMat::close);
            return img.rgb();
        } catch (HarmonizeException e) {
            throw fail(name, e.getMessage());
        }
    }

    private static void expectSize(String name, String entry, ManagedMat m, int w, int h) {
        if (m.width() != w || m.height() != h) {
            throw fail(name, entry + " is " + m.width() + "x" + m.height() + " but document.json says " + w + "x" + h);
        }
    }

    static ProjectException fail(String file, String what) {
        return new ProjectException(file + ": " + what);
    }
}
