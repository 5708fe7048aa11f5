#!/usr/bin/env python3
"""Draws the HD Compose logo with numpy and writes the three installer icons (PNG, ICO, ICNS).

The logo: a dusk scene (indigo sky fading to warm orange, a low sun, a dark hill) with a pasted object (a rounded
square with a white outline) whose colour shifts from cold (left, as pasted) to warm (right, harmonized).
Needs only python3 + numpy; PNG, ICO and ICNS are written by hand (they are simple containers).

    python3 packaging/icons/make_icons.py        # rewrites packaging/{linux,windows,macos}/hdcompose.*
"""
import struct
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _coverage(sd, px):
    """Anti-aliased coverage of a shape from its signed distance (negative inside), in pixels of size px."""
    return np.clip(0.5 - sd / px, 0.0, 1.0)


def _rounded_box(x, y, cx, cy, hw, hh, r):
    qx = np.abs(x - cx) - (hw - r)
    qy = np.abs(y - cy) - (hh - r)
    outside = np.hypot(np.maximum(qx, 0), np.maximum(qy, 0))
    inside = np.minimum(np.maximum(qx, qy), 0)
    return outside + inside - r


def _over(dst, colour, alpha):
    """Paints colour (H,W,3 or 3) with coverage alpha (H,W) over dst (H,W,4), premultiplied-free 'over'."""
    a = alpha[..., None]
    dst[..., :3] = dst[..., :3] * (1 - a) + np.asarray(colour) * a
    dst[..., 3] = dst[..., 3] * (1 - alpha) + alpha


def _lerp(c0, c1, t):
    return np.asarray(c0)[None, None, :] * (1 - t[..., None]) + np.asarray(c1)[None, None, :] * t[..., None]


def render(size):
    """RGBA uint8 image of the logo at size x size."""
    px = 1.0 / size
    c = (np.arange(size) + 0.5) / size
    x, y = np.meshgrid(c, c)
    img = np.zeros((size, size, 4))

    tile = _rounded_box(x, y, 0.5, 0.5, 0.46, 0.46, 0.19)
    sky = _lerp((0.16, 0.17, 0.47), (0.98, 0.55, 0.24), np.clip((y - 0.1) / 0.75, 0, 1) ** 1.3)
    _over(img, sky, _coverage(tile, px))

    sun = np.hypot(x - 0.68, y - 0.50) - 0.15
    glow = np.exp(-np.maximum(np.hypot(x - 0.68, y - 0.50) - 0.15, 0) / 0.08) * 0.35
    inside_tile = _coverage(tile, px)
    _over(img, (1.0, 0.86, 0.45), glow * inside_tile)
    _over(img, (1.0, 0.90, 0.55), _coverage(sun, px) * inside_tile)

    hill = y - (0.74 - 0.08 * np.cos((x - 0.3) * 3.2))
    _over(img, (0.13, 0.10, 0.22), _coverage(-hill, px) * inside_tile)

    obj = _rounded_box(x, y, 0.37, 0.56, 0.17, 0.17, 0.045)
    t = np.clip((x - 0.22) / 0.30, 0, 1)
    fill = _lerp((0.25, 0.62, 0.95), (0.98, 0.62, 0.36), t)
    _over(img, (0.0, 0.0, 0.0), _coverage(obj - 0.012, px) * 0.25)
    _over(img, fill, _coverage(obj, px))
    ring = np.abs(obj) - max(0.012, 1.2 * px)
    _over(img, (1.0, 1.0, 1.0), _coverage(ring, px))
    return (np.clip(img, 0, 1) * 255 + 0.5).astype(np.uint8)


def png_bytes(rgba):
    h, w, _ = rgba.shape
    raw = b"".join(b"\x00" + rgba[row].tobytes() for row in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def _dib_bytes(rgba):
    """Classic ICO entry: BITMAPINFOHEADER + bottom-up BGRA + 1-bit AND mask (all zero: alpha decides)."""
    h, w, _ = rgba.shape
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    bgra = rgba[::-1][..., [2, 1, 0, 3]].tobytes()
    mask_row = ((w + 31) // 32) * 4
    return header + bgra + b"\x00" * (mask_row * h)


def ico_bytes(images):
    entries, blobs = [], []
    offset = 6 + 16 * len(images)
    for rgba in images:
        size = rgba.shape[0]
        blob = png_bytes(rgba) if size >= 256 else _dib_bytes(rgba)
        dim = 0 if size >= 256 else size
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(blobs)


ICNS_TYPES = [(b"icp4", 16), (b"icp5", 32), (b"ic11", 32), (b"ic12", 64), (b"ic07", 128),
              (b"ic13", 256), (b"ic08", 256), (b"ic14", 512), (b"ic09", 512), (b"ic10", 1024)]


def icns_bytes(render_at):
    body = b""
    for tag, size in ICNS_TYPES:
        data = png_bytes(render_at(size))
        body += tag + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main():
    cache = {}

    def at(size):
        if size not in cache:
            cache[size] = render(size)
        return cache[size]

    (ROOT / "linux").mkdir(exist_ok=True)
    (ROOT / "windows").mkdir(exist_ok=True)
    (ROOT / "macos").mkdir(exist_ok=True)
    (ROOT / "linux" / "hdcompose.png").write_bytes(png_bytes(at(256)))
    (ROOT / "windows" / "hdcompose.ico").write_bytes(ico_bytes([at(s) for s in (16, 24, 32, 48, 64, 256)]))
    (ROOT / "macos" / "hdcompose.icns").write_bytes(icns_bytes(at))
    for p in ("linux/hdcompose.png", "windows/hdcompose.ico", "macos/hdcompose.icns"):
        print(p, (ROOT / p).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
