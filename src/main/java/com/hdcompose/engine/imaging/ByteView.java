package com.hdcompose.engine.imaging;

/** Bounds-checked little/big-endian reads from a file's bytes; running past the end means the header is truncated. */
final class ByteView {
    /** Thrown when a header field lies beyond the end of the data. */
    static final class TruncatedException extends RuntimeException {
        TruncatedException() {
            super("truncated", null, false, false);
        }
    }

    private final byte[] bytes;
    private final boolean littleEndian;

    ByteView(byte[] bytes, boolean littleEndian) {
        this.bytes = bytes;
        this.littleEndian = littleEndian;
    }

    int length() {
        return bytes.length;
    }

    int u8(long offset) {
        if (offset < 0 || offset >= bytes.length) {
            throw new TruncatedException();
        }
        return bytes[(int) offset] & 0xFF;
    }

    int u16(long offset) {
        int a = u8(offset);
        int b = u8(offset + 1);
        return littleEndian ? a | b << 8 : a << 8 | b;
    }

    int u24(long offset) {
        int a = u8(offset);
        int b = u8(offset + 1);
        int c = u8(offset + 2);
        return littleEndian ? a | b << 8 | c << 16 : a << 16 | b << 8 | c;
    }

    long u32(long offset) {
        long hi = u16(littleEndian ? offset + 2 : offset);
        long lo = u16(littleEndian ? offset : offset + 2);
        return hi << 16 | lo;
    }

    String ascii(long offset, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) u8(offset + i));
        }
        return s.toString();
    }
}
