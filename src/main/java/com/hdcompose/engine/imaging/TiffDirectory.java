package com.hdcompose.engine.imaging;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The first image directory (IFD0) of a TIFF structure: a TIFF file itself, or the EXIF block inside a JPEG, PNG
 * or WebP. Only integer tags are kept — enough for width, height and orientation.
 */
final class TiffDirectory {
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int ORIENTATION = 274;

    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;
    private static final int MAX_ENTRIES = 4096;

    private final Map<Integer, Long> values;

    private TiffDirectory(Map<Integer, Long> values) {
        this.values = values;
    }

    /** Parses the TIFF header and IFD0 starting at {@code base}; throws {@link ByteView.TruncatedException}. */
    static TiffDirectory parse(byte[] bytes, int base) {
        ByteView probe = new ByteView(bytes, true);
        boolean little = probe.u8(base) == 'I';
        ByteView v = new ByteView(bytes, little);
        long ifd = base + v.u32(base + 4);
        int count = Math.min(v.u16(ifd), MAX_ENTRIES);
        Map<Integer, Long> values = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long entry = ifd + 2 + 12L * i;
            int tag = v.u16(entry);
            int type = v.u16(entry + 2);
            if (type == TYPE_SHORT) {
                values.put(tag, (long) v.u16(entry + 8));
            } else if (type == TYPE_LONG) {
                values.put(tag, v.u32(entry + 8));
            }
        }
        return new TiffDirectory(values);
    }

    OptionalInt get(int tag) {
        Long value = values.get(tag);
        return value == null || value > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(value.intValue());
    }
}
