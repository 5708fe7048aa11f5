package com.hdcompose.engine.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hdcompose.engine.document.DocumentSnapshot;
import com.hdcompose.engine.document.ObjectLayer;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.error.ProjectException;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.imaging.ImageFileWriter;
import com.hdcompose.engine.io.AtomicFiles;
import com.hdcompose.engine.task.CancellationToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Saves a document snapshot as a {@code .hdcomp} zip (document.json, background.png, an image and a mask per layer), atomically. */
public final class ProjectWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectWriter() {
    }

    public static void write(DocumentSnapshot doc, Path target, CancellationToken cancel) {
        byte[] background = ImageFileWriter.encode(doc.background(), ".png", 95, ProjectFormat.BACKGROUND);
        Map<String, byte[]> layerEntries = new LinkedHashMap<>();
        List<ObjectLayer> layers = doc.layers();
        for (int i = 0; i < layers.size(); i++) {
            cancel.throwIfCancelled();
            layerEntries.put(ProjectFormat.objectEntry(i),
                    ImageFileWriter.encode(layers.get(i).image(), ".png", 95, ProjectFormat.objectEntry(i)));
            layerEntries.put(ProjectFormat.maskEntry(i), MaskPng.encode(layers.get(i).mask()));
        }
        byte[] json = toJson(doc);
        try {
            AtomicFiles.write(target, out -> {
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    put(zip, ProjectFormat.DOCUMENT, json);
                    put(zip, ProjectFormat.BACKGROUND, background);
                    for (Map.Entry<String, byte[]> e : layerEntries.entrySet()) {
                        put(zip, e.getKey(), e.getValue());
                    }
                }
            });
        } catch (IOException e) {
            throw new ProjectException("Could not save " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static byte[] toJson(DocumentSnapshot doc) {
        if (doc.layers().size() > ProjectFormat.MAX_LAYERS) {
            throw new ProjectException("A project holds at most " + ProjectFormat.MAX_LAYERS + " layers");
        }
        List<DocumentJson.LayerJson> layers = new ArrayList<>();
        for (ObjectLayer o : doc.layers()) {
            layers.add(new DocumentJson.LayerJson(o.name(), o.visible(), objectJson(o), settingsJson(o.settings())));
        }
        DocumentJson dto = new DocumentJson(DocumentJson.FORMAT, DocumentJson.VERSION,
                new DocumentJson.Size(doc.background().width(), doc.background().height()),
                layers.isEmpty() ? null : layers.get(0).object(), settingsJson(doc.settings()), layers,
                doc.selected());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(dto);
        } catch (IOException e) {
            throw new ProjectException("Could not write document.json: " + e.getMessage(), e);
        }
    }

    private static DocumentJson.ObjectJson objectJson(ObjectLayer o) {
        Placement p = o.placement();
        return new DocumentJson.ObjectJson(o.width(), o.height(), p.x(), p.y(), p.scaleX(), p.scaleY(), p.rotation());
    }

    private static DocumentJson.SettingsJson settingsJson(HarmonizeOptions s) {
        return new DocumentJson.SettingsJson(s.model(), s.k(), s.strength(), s.workingSize());
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
