package com.hdcompose.engine.imaging;

import java.util.OptionalInt;

/** Reads the declared size, EXIF orientation and completeness of an image file from its bytes, decoding no pixels. */
public final class ImageHeaderReader {
    /** Thrown when the file's own checksums show damage, before a decoder library would complain on stderr. */
    static final class CorruptException extends RuntimeException {
        CorruptException() {
            super("corrupt", null, false, false);
        }
    }

    private ImageHeaderReader() {
    }

    /** Parses the header of a file already recognised as {@code format}; a cut-off header throws. */
    static ImageHeader read(byte[] bytes, ImageFormat format) {
        return switch (format) {
            case PNG -> png(bytes);
            case JPEG -> jpeg(bytes);
            case TIFF -> tiff(bytes);
            case BMP -> bmp(bytes);
            case WEBP -> webp(bytes);
        };
    }

    private static ImageHeader png(byte[] bytes) {
        ByteView v = new ByteView(bytes, false);
        int width = (int) v.u32(16);
        int height = (int) v.u32(20);
        int orientation = 1;
        boolean complete = false;
        boolean idatSeen = false;
        long pos = 8;
        while (pos + 8 <= bytes.length) {
            long length = v.u32(pos);
            String type = v.ascii(pos + 4, 4);
            if (type.equals("IEND")) {
                complete = true;
                break;
            }
            boolean whole = pos + 12 + length <= bytes.length;
            if (whole) {
                PngIntegrity.checkChunk(bytes, (int) pos, (int) length, type.equals("IDAT") && !idatSeen);
            }
            idatSeen |= type.equals("IDAT");
            if (type.equals("eXIf") && whole) {
                orientation = orientationAt(bytes, (int) pos + 8);
            }
            pos += 12 + length;
        }
        return new ImageHeader(ImageFormat.PNG, width, height, orientation, complete);
    }

    private static ImageHeader jpeg(byte[] bytes) {
        JpegStructure s = JpegStructure.parse(bytes);
        int orientation = s.exifOffset < 0 ? 1 : orientationAt(bytes, s.exifOffset);
        return new ImageHeader(ImageFormat.JPEG, s.width, s.height, orientation, s.complete);
    }

    private static ImageHeader tiff(byte[] bytes) {
        TiffDirectory ifd = TiffDirectory.parse(bytes, 0);
        int width = ifd.get(TiffDirectory.IMAGE_WIDTH).orElseThrow(ByteView.TruncatedException::new);
        int height = ifd.get(TiffDirectory.IMAGE_LENGTH).orElseThrow(ByteView.TruncatedException::new);
        return new ImageHeader(ImageFormat.TIFF, width, height, validOrientation(ifd.get(TiffDirectory.ORIENTATION)), true);
    }

    private static ImageHeader bmp(byte[] bytes) {
        ByteView v = new ByteView(bytes, true);
        int width = (int) v.u32(18);
        int height = Math.abs((int) v.u32(22));
        boolean complete = v.u32(2) <= bytes.length;
        return new ImageHeader(ImageFormat.BMP, width, height, 1, complete);
    }

    private static ImageHeader webp(byte[] bytes) {
        ByteView v = new ByteView(bytes, true);
        boolean complete = v.u32(4) + 8 <= bytes.length;
        String chunk = v.ascii(12, 4);
        int data = 20;
        int width;
        int height;
        switch (chunk) {
            case "VP8 " -> {
                width = v.u16(data + 6) & 0x3FFF;
                height = v.u16(data + 8) & 0x3FFF;
            }
            case "VP8L" -> {
                long bits = v.u32(data + 1);
                width = (int) (bits & 0x3FFF) + 1;
                height = (int) (bits >> 14 & 0x3FFF) + 1;
            }
            case "VP8X" -> {
                width = v.u24(data + 4) + 1;
                height = v.u24(data + 7) + 1;
            }
            default -> throw new ByteView.TruncatedException();
        }
        return new ImageHeader(ImageFormat.WEBP, width, height, webpOrientation(bytes, v), complete);
    }

    private static int webpOrientation(byte[] bytes, ByteView v) {
        long pos = 12;
        while (pos + 8 <= bytes.length) {
            String type = v.ascii(pos, 4);
            long size = v.u32(pos + 4);
            if (type.equals("EXIF") && pos + 8 + size <= bytes.length) {
                int start = (int) pos + 8;
                boolean prefixed = size > 6 && v.ascii(start, 4).equals("Exif");
                return orientationAt(bytes, prefixed ? start + 6 : start);
            }
            pos += 8 + size + (size & 1);
        }
        return 1;
    }

    /** Orientation from an EXIF/TIFF block; a damaged block counts as "as stored" rather than failing the read. */
    private static int orientationAt(byte[] bytes, int tiffStart) {
        try {
            return validOrientation(TiffDirectory.parse(bytes, tiffStart).get(TiffDirectory.ORIENTATION));
        } catch (ByteView.TruncatedException e) {
            return 1;
        }
    }

    private static int validOrientation(OptionalInt value) {
        int o = value.orElse(1);
        return o >= 1 && o <= 8 ? o : 1;
    }
}
