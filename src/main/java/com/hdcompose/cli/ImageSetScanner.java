package com.hdcompose.cli;

import com.hdcompose.engine.error.HarmonizeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the {@code NAME_comp / NAME_mask / NAME_real} image files of a folder, sorted by name. */
final class ImageSetScanner {
    private static final Pattern ROLE = Pattern.compile("(.+)_(comp|mask|real)\\.(png|jpe?g|tiff?|bmp|webp)",
            Pattern.CASE_INSENSITIVE);

    private ImageSetScanner() {
    }

    /** Every composite in {@code dir} with whatever mask and real image share its name. */
    static List<ImageSet> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw HarmonizeException.badInput(dir + ": not a folder");
        }
        Map<String, Map<String, Path>> byName = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(file -> {
                Matcher m = ROLE.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file)) {
                    byName.computeIfAbsent(m.group(1), n -> new HashMap<>())
                            .putIfAbsent(m.group(2).toLowerCase(Locale.ROOT), file);
                }
            });
        } catch (IOException e) {
            throw HarmonizeException.badInput(dir + ": cannot list folder (" + e.getMessage() + ")");
        }
        List<ImageSet> sets = new ArrayList<>();
        byName.keySet().stream().sorted().forEach(name -> {
            Map<String, Path> roles = byName.get(name);
            if (roles.containsKey("comp")) {
                sets.add(new ImageSet(name, roles.get("comp"), Optional.ofNullable(roles.get("mask")),
                        Optional.ofNullable(roles.get("real"))));
            }
        });
        if (sets.isEmpty()) {
            throw HarmonizeException.badInput(dir + ": no NAME_comp.* images found");
        }
        return sets;
    }

    /** The mask of {@code set}, or a BAD_INPUT error naming the missing file. */
    static Path requireMask(ImageSet set) {
        return set.mask().orElseThrow(() -> HarmonizeException.badInput("no " + set.name() + "_mask.* found"));
    }

    static Path requireReal(ImageSet set) {
        return set.real().orElseThrow(() -> HarmonizeException.badInput("no " + set.name() + "_real.* found"));
    }
}
