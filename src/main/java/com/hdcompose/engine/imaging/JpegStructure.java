package com.hdcompose.engine.imaging;

/**
 * Walks a JPEG's marker segments without decoding pixels: the declared frame size, the EXIF block, and whether
 * the entropy-coded data really ends with an EOI marker (libjpeg silently pads a truncated file with grey).
 */
final class JpegStructure {
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP1 = 0xE1;

    int width = -1;
    int height = -1;
    int exifOffset = -1;
    boolean complete;

    private JpegStructure() {
    }

    /** Parses {@code bytes}; a header that ends before the frame size throws {@link ByteView.TruncatedException}. */
    static JpegStructure parse(byte[] bytes) {
        JpegStructure s = new JpegStructure();
        ByteView v = new ByteView(bytes, false);
        int pos = 2;
        while (pos + 1 < bytes.length) {
            if (v.u8(pos) != 0xFF) {
                pos++;
                continue;
            }
            int marker = v.u8(pos + 1);
            if (marker == 0xFF || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == EOI) {
                s.complete = true;
                break;
            }
            int length = v.u16(pos + 2);
            s.readSegment(v, marker, pos + 4, length - 2);
            pos += 2 + length;
            if (marker == SOS) {
                pos = skipEntropyCodedData(bytes, pos);
            }
        }
        if (s.width < 0) {
            throw new ByteView.TruncatedException();
        }
        return s;
    }

    private void readSegment(ByteView v, int marker, int data, int length) {
        boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame && width < 0) {
            height = v.u16(data + 1);
            width = v.u16(data + 3);
        } else if (marker == APP1 && exifOffset < 0 && length >= 14 && v.ascii(data, 6).equals("Exif\0\0")) {
            exifOffset = data + 6;
        }
    }

    /** Position of the next marker after entropy-coded data (skipping stuffed 0xFF00 and restart markers). */
    private static int skipEntropyCodedData(byte[] bytes, int pos) {
        int i = pos;
        while (i + 1 < bytes.length) {
            if ((bytes[i] & 0xFF) == 0xFF) {
                int next = bytes[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && !(next >= 0xD0 && next <= 0xD7)) {
                    return i;
                }
            }
            i++;
        }
        return bytes.length;
    }
}
