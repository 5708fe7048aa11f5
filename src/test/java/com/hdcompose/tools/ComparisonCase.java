package com.hdcompose.tools;

import com.hdcompose.engine.imaging.ImageFileReader;
import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.imaging.MaskFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One composite, its mask and the real photo (ground truth), at the resolution the comparison scores. */
record ComparisonCase(String name, ManagedMat composite, ManagedMat mask, ManagedMat real) implements AutoCloseable {
    /** Every {@code NAME_comp.*} with {@code NAME_mask.*} and {@code NAME_real.*} in {@code dir}, at native size. */
    static List<ComparisonCase> triplets(Path dir) throws IOException {
        List<ComparisonCase> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path comp : files.filter(p -> p.getFileName().toString().contains("_comp.")).sorted().toList()) {
                String name = comp.getFileName().toString().replaceAll("_comp\\..*$", "");
                Path mask = find(dir, name + "_mask.");
                Path real = find(dir, name + "_real.");
                if (mask != null && real != null) {
                    out.add(new ComparisonCase(name, ImageFileReader.read(comp).rgb(), MaskFileReader.read(mask),
                            ImageFileReader.read(real).rgb()));
                }
            }
        }
        return out;
    }

    private static Path find(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
        }
    }

    @Override
    public void close() {
        composite.close();
        mask.close();
        real.close();
    }
}
