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
        boolean hasObject = json.object() != null;
        if (hasObject != entries.containsKey(ProjectFormat.OBJECT) || hasObject != entries.containsKey(ProjectFormat.MASK)) {
            throw fail(name, "object.png, mask.png and document.json disagree about the object layer");
        }
        HarmonizeOptions settings = settings(name, json.settings());
        ManagedMat background = null;
        try {
            background = decodeRgb(name, entries.get(ProjectFormat.BACKGROUND), ProjectFormat.BACKGROUND);
            expectSize(name, ProjectFormat.BACKGROUND, background, json.background().width(), json.background().height());
            ObjectLayer layer = hasObject ? objectLayer(name, entries, json.object()) : null;
            return new CompositionDocument(background, layer, settings);
        } catch (RuntimeException e) {
            if (background != null) {
                background.close();
            }
            throw e;
        }
    }

    private static ObjectLayer objectLayer(String name, Map<String, byte[]> entries, DocumentJson.ObjectJson o) {
        ManagedMat image = decodeRgb(name, entries.get(ProjectFormat.OBJECT), ProjectFormat.OBJECT);
        ManagedMat mask;
        try {
            expectSize(name, ProjectFormat.OBJECT, image, o.width(), o.height());
            mask = MaskFileReader.read(entries.get(ProjectFormat.MASK), ProjectFormat.MASK);
        } catch (HarmonizeException e) {
            image.close();
            throw fail(name, e.getMessage());
        } catch (RuntimeException e) {
            image.close();
            throw e;
        }
        try {
            expectSize(name, ProjectFormat.MASK, mask, o.width(), o.height());
            Placement p = new Placement(o.x(), o.y(), o.scaleX(), o.scaleY(), o.rotation());
            return new ObjectLayer(image, mask, p);
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
