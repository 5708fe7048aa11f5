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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Saves a document snapshot as a {@code .hdcomp} zip (background.png, object.png, mask.png, document.json), atomically. */
public final class ProjectWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectWriter() {
    }

    public static void write(DocumentSnapshot doc, Path target, CancellationToken cancel) {
        byte[] background = ImageFileWriter.encode(doc.background(), ".png", 95, ProjectFormat.BACKGROUND);
        cancel.throwIfCancelled();
        byte[] object = null;
        byte[] mask = null;
        if (doc.objectOrNull() != null) {
            object = ImageFileWriter.encode(doc.objectOrNull().image(), ".png", 95, ProjectFormat.OBJECT);
            cancel.throwIfCancelled();
            mask = MaskPng.encode(doc.objectOrNull().mask());
        }
        byte[] json = toJson(doc);
        byte[] obj = object;
        byte[] msk = mask;
        try {
            AtomicFiles.write(target, out -> {
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    put(zip, ProjectFormat.DOCUMENT, json);
                    put(zip, ProjectFormat.BACKGROUND, background);
                    if (obj != null) {
                        put(zip, ProjectFormat.OBJECT, obj);
                        put(zip, ProjectFormat.MASK, msk);
                    }
                }
            });
        } catch (IOException e) {
            throw new ProjectException("Could not save " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static byte[] toJson(DocumentSnapshot doc) {
        ObjectLayer o = doc.objectOrNull();
        DocumentJson.ObjectJson objectJson = null;
        if (o != null) {
            Placement p = o.placement();
            objectJson = new DocumentJson.ObjectJson(o.width(), o.height(), p.x(), p.y(), p.scaleX(), p.scaleY(),
                    p.rotation());
        }
        HarmonizeOptions s = doc.settings();
        DocumentJson dto = new DocumentJson(DocumentJson.FORMAT, DocumentJson.VERSION,
                new DocumentJson.Size(doc.background().width(), doc.background().height()), objectJson,
                new DocumentJson.SettingsJson(s.model(), s.k(), s.strength(), s.workingSize()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(dto);
        } catch (IOException e) {
            throw new ProjectException("Could not write document.json: " + e.getMessage(), e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }
}
