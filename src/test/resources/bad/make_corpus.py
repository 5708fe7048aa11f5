#!/usr/bin/python3
"""Regenerates the bad-input corpus next to this script (needs Pillow). Run: /usr/bin/python3 make_corpus.py"""
import struct
import zlib
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
TRIPLETS = HERE.parent / "triplets"


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, depth, colour_type, rows=None):
    """A PNG; without rows it only declares its size (IHDR + IEND)."""
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 0))
    if rows is not None:
        out += chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + r for r in rows)))
    return out + chunk(b"IEND", b"")


def write(name, data):
    (HERE / name).write_bytes(data)


write("empty.png", b"")
write("notes.png", b"These are my notes, not a picture.\n")
jpeg = (TRIPLETS / "c35030-gct_comp.jpg").read_bytes()
write("truncated.jpg", jpeg[: len(jpeg) * 2 // 5])
write("truncated-header.png", png(64, 64, 8, 2, [b"\x80" * 192] * 64)[:20])
write("corrupt.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
      + chunk(b"IDAT", b"this is not zlib data at all" * 4) + chunk(b"IEND", b""))
write("huge.png", png(100_000, 100_000, 8, 2))
write("huge-area.png", png(12_000, 12_000, 8, 2))
write("tiny.png", png(1, 1, 8, 2, [b"\x10\x20\x30"]))
# 16-bit RGB: R = 65535 (left half) / 0, G = 32896 (half grey), B = 0
write("rgb16.png", png(32, 32, 16, 2, [(struct.pack(">HHH", 65535, 32896, 0) * 16
                                        + struct.pack(">HHH", 0, 32896, 0) * 16)] * 32))
write("gray16.png", png(32, 32, 16, 0, [struct.pack(">H", 65535) * 16 + struct.pack(">H", 0) * 16] * 32))
write("gray.png", png(32, 32, 8, 0, [bytes([200]) * 32] * 32))

cmyk = Image.new("CMYK", (32, 16), (0, 0, 0, 0))
for x in range(16):
    for y in range(16):
        cmyk.putpixel((x, y), (255, 0, 0, 0))
        cmyk.putpixel((x + 16, y), (0, 255, 0, 0))
cmyk.save(HERE / "cmyk.jpg", quality=95)

# composite + masks for the harmonizer's input checks
write("comp64.png", png(64, 64, 8, 2, [bytes([200, 60, 40] * 32 + [40, 90, 200] * 32)] * 64))
write("mask-small.png", png(32, 16, 8, 0, [b"\xff" * 32] * 16))
write("mask-empty.png", png(64, 64, 8, 0, [b"\x00" * 64] * 64))
write("mask-full.png", png(64, 64, 8, 0, [b"\xff" * 64] * 64))
write("mask-centre.png", png(64, 64, 8, 0, [b"\x00" * 64] * 16 + [b"\x00" * 16 + b"\xff" * 32 + b"\x00" * 16] * 32
                             + [b"\x00" * 64] * 16))
write("mask-32x16.png", png(32, 16, 8, 0, [b"\x00" * 8 + b"\xff" * 16 + b"\x00" * 8] * 16))
write("mask-32x32.png", png(32, 32, 8, 0, [b"\x00" * 8 + b"\xff" * 16 + b"\x00" * 8] * 32))
# a PNG whose image data was damaged after it was written: the chunk CRC no longer matches
good = png(64, 64, 8, 2, [bytes(range(192))] * 64)
idat = good.index(b"IDAT") + 4
write("bitflip.png", good[:idat + 10] + bytes([good[idat + 10] ^ 0x40]) + good[idat + 11:])
