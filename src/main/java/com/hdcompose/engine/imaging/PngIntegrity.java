package com.hdcompose.engine.imaging;

import java.util.zip.CRC32;

/**
 * Checks a PNG chunk's CRC and the zlib header of its first image-data chunk, so damaged files are refused with our
 * one-line message instead of libpng printing its own error on stderr.
 */
final class PngIntegrity {
    private PngIntegrity() {
    }

    /**
     * Throws {@link ImageHeaderReader.CorruptException} when the chunk at {@code pos} fails its CRC or, being the
     * first image-data chunk ({@code firstIdat}), does not start a zlib stream.
     */
    static void checkChunk(byte[] bytes, int pos, int length, boolean firstIdat) {
        CRC32 crc = new CRC32();
        crc.update(bytes, pos + 4, 4 + length);
        long stored = new ByteView(bytes, false).u32(pos + 8L + length);
        if (crc.getValue() != stored) {
            throw new ImageHeaderReader.CorruptException();
        }
        if (firstIdat && length >= 2 && !isZlibHeader(bytes[pos + 8] & 0xFF, bytes[pos + 9] & 0xFF)) {
            throw new ImageHeaderReader.CorruptException();
        }
    }

    /** Whether the two bytes are a valid zlib stream header (deflate, window ≤ 32 KiB, no preset dictionary). */
    private static boolean isZlibHeader(int cmf, int flg) {
        return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0 && (flg & 0x20) == 0;
    }
}
