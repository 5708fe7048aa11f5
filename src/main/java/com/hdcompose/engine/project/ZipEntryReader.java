package com.hdcompose.engine.project;

import com.hdcompose.engine.error.ProjectException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the entries of a project zip defensively: known flat names only, bounded count and inflated size. */
final class ZipEntryReader {
    private ZipEntryReader() {
    }

    static Map<String, byte[]> readAll(ZipFile zip, String fileName) throws IOException {
        if (zip.size() > ProjectFormat.MAX_ENTRIES) {
            throw ProjectReader.fail(fileName, "too many entries (" + zip.size() + ")");
        }
        Map<String, byte[]> out = new HashMap<>();
        long total = 0;
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            String entry = e.getName();
            checkName(fileName, entry);
            if (e.isDirectory() || !ProjectFormat.MAX_ENTRY_BYTES.containsKey(entry)) {
                throw ProjectReader.fail(fileName, "unexpected entry '" + entry + "'");
            }
            if (out.containsKey(entry)) {
                throw ProjectReader.fail(fileName, "duplicate entry '" + entry + "'");
            }
            long limit = Math.min(ProjectFormat.MAX_ENTRY_BYTES.get(entry), ProjectFormat.MAX_TOTAL_BYTES - total);
            byte[] data = readBounded(zip, e, limit, fileName);
            total += data.length;
            out.put(entry, data);
        }
        return out;
    }

    static void checkName(String fileName, String entry) {
        if (entry.isEmpty() || entry.contains("..") || entry.startsWith("/") || entry.startsWith("\\")
                || entry.contains(":") || entry.contains("/") || entry.contains("\\") || entry.indexOf('\0') >= 0) {
            throw ProjectReader.fail(fileName, "unsafe entry path '" + printable(entry) + "'");
        }
    }

    private static byte[] readBounded(ZipFile zip, ZipEntry e, long limit, String fileName) throws IOException {
        if (e.getSize() > limit) {
            throw tooBig(fileName, e.getName(), limit);
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (data.length > limit) {
                throw tooBig(fileName, e.getName(), limit);
            }
            return data;
        }
    }

    private static ProjectException tooBig(String fileName, String entry, long limit) {
        return ProjectReader.fail(fileName, "entry '" + entry + "' inflates beyond " + (limit >> 20)
                + " MB (refusing a possible zip bomb)");
    }

    private static String printable(String s) {
        String t = s.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}
