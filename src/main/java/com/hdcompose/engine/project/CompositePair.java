package com.hdcompose.engine.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A composite and its mask found together, as data sets and the command line name them: two dropped files one of which
 * is a mask, or one {@code NAME_comp.*} whose {@code NAME_mask.*} lies beside it.
 */
public record CompositePair(Path composite, Path mask) {
    private static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp");

    /** The pair among {@code files}, if they form one. */
    public static Optional<CompositePair> among(List<Path> files) {
        if (files.size() == 2) {
            boolean firstIsMask = isMask(files.get(0));
            boolean secondIsMask = isMask(files.get(1));
            if (firstIsMask != secondIsMask) {
                return Optional.of(firstIsMask ? new CompositePair(files.get(1), files.get(0))
                        : new CompositePair(files.get(0), files.get(1)));
            }
            return Optional.empty();
        }
        return files.size() == 1 ? besides(files.get(0)) : Optional.empty();
    }

    /** For {@code NAME_comp.ext}, the pair with an existing {@code NAME_mask.*} in the same folder. */
    public static Optional<CompositePair> besides(Path composite) {
        String stem = stem(composite);
        if (!stem.toLowerCase(Locale.ROOT).endsWith("_comp")) {
            return Optional.empty();
        }
        String maskStem = stem.substring(0, stem.length() - "_comp".length()) + "_mask";
        Path dir = composite.toAbsolutePath().getParent();
        try (Stream<Path> siblings = Files.list(dir)) {
            return siblings.filter(p -> stem(p).equalsIgnoreCase(maskStem) && isImage(p)).sorted().findFirst()
                    .map(mask -> new CompositePair(composite, mask));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A file whose name says it is a mask ({@code NAME_mask.*}, {@code mask.*}). */
    public static boolean isMask(Path file) {
        String s = stem(file).toLowerCase(Locale.ROOT);
        return s.equals("mask") || s.endsWith("_mask") || s.endsWith("-mask");
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return IMAGE_EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
