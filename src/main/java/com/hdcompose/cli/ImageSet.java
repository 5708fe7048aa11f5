package com.hdcompose.cli;

import java.nio.file.Path;
import java.util.Optional;

/** The files of one image in a batch folder: {@code NAME_comp.*} with its {@code NAME_mask.*} and maybe {@code NAME_real.*}. */
record ImageSet(String name, Path composite, Optional<Path> mask, Optional<Path> real) {
}
