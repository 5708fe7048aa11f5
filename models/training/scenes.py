"""Two-light-zone scenes: does the harmonizer read the light of the background AROUND the object?

Why it exists: a cast-undoing network can score well on re-coloured objects while ignoring where the object sits.
Here the whole photo is relit by a smooth light field with two zones, one dim and warm, one bright and cool,
and the right answer for the object depends only on the zone it lies in. Written apart from the training generator
(training/data.py and training/synth.py were not read); it shares only indep.py's colour helpers.

Light is applied in LINEAR light: real = srgb(linear(photo) * L(x, y)), clipped to 0..1, with per-channel gains
  dim zone     gain 0.45..0.70 times a warm tint (R up, B down, tint luma 1),
  bright zone  gain 1.10..1.50 times a cool tint (B up, R down),
and L blended across a smoothstep boundary (a line of random orientation, or a soft disc around the object) of width
5..20 % of the image. Outside the transition band L is exactly the zone's gain.

  two_zone()         object lies (>= 95 % of it) in one zone's flat part; real = photo * L; the composite's object
                     is lit by the OTHER zone's constant gain, so only the surrounding background tells the right light.
  placement()        a relit background (its own object inpainted away) with a neutral (un-relit) object from another
                     photo pasted once fully inside the dim zone, once fully inside the bright zone.
  placement_ratio()  (object luma in bright - in dim) / (background luma bright - dim); Rec.709 luma of the sRGB
                     values on 0..255. NOTE: under multiplicative light a perfect relighter gives about
                     luma(object) / luma(background), not 1; log=True uses log-luma differences, ~1 for a perfect
                     relighter whatever the object's albedo. Each pair also carries ideal_dim / ideal_bright (the object
                     lit by each zone's gain) so the ideal ratio can be reported next to the network's.
  k_effect()         how much the output changes between two K settings, inside the mask.
  evaluate_scenes()  runs a predictor on both.
"""
import cv2
import numpy as np

from .indep import predict_u8, to_linear, to_srgb, to_u8

LUMA = np.array([0.2126, 0.7152, 0.0722])
DIM_GAIN, BRIGHT_GAIN = (0.45, 0.70), (1.10, 1.50)
TINT = (0.10, 0.30)
WIDTH = (0.05, 0.20)  # transition width, share of the image size
MIN_AREA, MAX_AREA = 0.01, 0.80
IN_ZONE = 0.95  # share of the object that must lie in its zone's flat part


# ---------------------------------------------------------------- helpers
def relight(img, gains):
    """uint8 RGB image times linear-light gains (3 values or HxWx3) -> uint8."""
    return to_u8(to_srgb(to_linear(img / 255.0) * gains))


def luma(img):
    return np.asarray(img, np.float64) @ LUMA


def prepare(photo, size):
    ident, img, masks = photo
    if img.ndim == 2:
        img = np.repeat(img[..., None], 3, -1)
    img = cv2.resize(img[..., :3], (size, size), interpolation=cv2.INTER_AREA)
    keep = [b for b in (cv2.resize(mk, (size, size), interpolation=cv2.INTER_LINEAR) > 127 for mk in masks)
            if MIN_AREA <= b.mean() <= MAX_AREA]
    return ident, img, keep


def smoothstep(t):
    t = np.clip(t, 0.0, 1.0)
    return t * t * (3 - 2 * t)


def zone_gains(rng):
    """(dim gains, bright gains): linear-light RGB, dim warm, bright cool."""
    a, b = rng.uniform(*TINT, 2)
    warm, cool = np.array([1 + a, 1, 1 - a]), np.array([1 - b, 1, 1 + b])
    return rng.uniform(*DIM_GAIN) * warm / (warm @ LUMA), rng.uniform(*BRIGHT_GAIN) * cool / (cool @ LUMA)


# ---------------------------------------------------------------- zone fields: z = 1 on the object's side
def _line_field(m, rng, width, tries=20):
    """Soft half-plane whose flat side holds >= IN_ZONE of the object and whose other flat side >= 20 % of the image."""
    h, w = m.shape
    yy, xx = np.mgrid[:h, :w]
    for _ in range(tries):
        th = rng.uniform(0, 2 * np.pi)
        p = xx * np.cos(th) + yy * np.sin(th)
        lo = np.quantile(p, 0.2) + width / 2          # the other zone keeps >= 20 % of the image
        hi = np.quantile(p[m], 1 - IN_ZONE) - width / 2  # the object's zone holds >= 95 % of the object
        if lo <= hi:
            return smoothstep((p - rng.uniform(lo, hi)) / width + 0.5)
    return None


def _disc_field(m, rng, width):
    """Soft disc around the object (object inside its flat part) leaving >= 25 % of the image outside."""
    h, w = m.shape
    ys, xs = np.nonzero(m)
    cy, cx = ys.mean(), xs.mean()
    r = np.hypot(*np.mgrid[:h, :w] - np.array([cy, cx])[:, None, None])
    radius = np.quantile(r[m], IN_ZONE) + width / 2 + rng.uniform(0, 0.1) * h
    if (r > radius + width / 2).mean() < 0.25:
        return None
    return smoothstep((radius - r) / width + 0.5)


def object_field(m, rng):
    """z in 0..1 (1 = the object's zone) and the boundary kind; (None, None) when no boundary fits."""
    width = rng.uniform(*WIDTH) * m.shape[0]
    first = "disc" if rng.random() < 0.3 else "line"
    for kind in (first, "line" if first == "disc" else "disc"):
        z = _disc_field(m, rng, width) if kind == "disc" else _line_field(m, rng, width)
        if z is not None:
            return z, kind
    return None, None


# ---------------------------------------------------------------- two-zone set
def _two_zone_item(ident, img, m, rng):
    z, kind = object_field(m, rng)
    if z is None:
        return None
    dim, bright = zone_gains(rng)
    zone = "dim" if rng.random() < 0.5 else "bright"
    z_bright = z if zone == "bright" else 1 - z
    light = dim + (bright - dim) * z_bright[..., None]
    real = relight(img, light)
    other = dim if zone == "bright" else bright
    comp = np.where(m[..., None], relight(img, other), real)
    return dict(comp=comp, real=real, mask=m.astype(np.uint8) * 255, ids=ident, zone_of_object=zone,
                zone_map=to_u8(z_bright), gain_dim=dim, gain_bright=bright, boundary=kind,
                object_zone_share=float((z[m] >= 1.0).mean()))


def two_zone(photos, size=256, seed=20261203, per_photo=1):
    """Photos -> dict of arrays: comp, real [N,size,size,3] uint8, mask [N,size,size] 0/255, ids, zone_of_object
    ("dim"/"bright"), zone_map uint8 (255 = bright light), gain_dim, gain_bright [N,3] (linear light), boundary
    ("line"/"disc"), object_zone_share (share of the object in its zone's flat part). Photos with no usable mask or
    no fitting boundary are skipped. Deterministic: item r of photo i uses numpy Generator seeded [seed, i, r]."""
    items = []
    for i, p in enumerate(photos):
        ident, img, masks = prepare(p, size)
        for r in range(per_photo if masks else 0):
            rng = np.random.default_rng([seed, i, r])
            item = _two_zone_item(ident, img, masks[rng.integers(len(masks))], rng)
            if item is not None:
                items.append(item)
    keys = ("comp", "real", "mask", "ids", "zone_of_object", "zone_map", "gain_dim", "gain_bright", "boundary",
            "object_zone_share")
    return {k: np.array([it[k] for it in items]) for k in keys}


# ---------------------------------------------------------------- placement pairs
def _cut_object(img, m, area, size):
    """Crop the object and scale it so that its mask covers `area` of a size x size image; None if too big."""
    ys, xs = np.nonzero(m)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    f = np.sqrt(area * size * size / m.sum())
    h, w = max(1, round((y1 - y0) * f)), max(1, round((x1 - x0) * f))
    if h > size or w > size:
        return None
    interp = cv2.INTER_AREA if f < 1 else cv2.INTER_LINEAR
    obj = cv2.resize(img[y0:y1, x0:x1], (w, h), interpolation=interp)
    om = cv2.resize(m[y0:y1, x0:x1].astype(np.uint8) * 255, (w, h), interpolation=cv2.INTER_LINEAR) > 127
    return (obj, om) if om.any() else None


def _place(ok, om, rng):
    """Random top-left (y, x) where every object pixel lands on `ok`; None if nowhere."""
    if om.shape[0] > ok.shape[0] or om.shape[1] > ok.shape[1]:
        return None
    outside = cv2.matchTemplate((~ok).astype(np.float32), om.astype(np.float32), cv2.TM_CCORR)
    ys, xs = np.nonzero(outside < 0.5)
    if len(ys) == 0:
        return None
    j = rng.integers(len(ys))
    return ys[j], xs[j]


def _paste(bg, obj, om, pos):
    comp, mask = bg.copy(), np.zeros(bg.shape[:2], bool)
    y, x = pos
    h, w = om.shape
    comp[y:y + h, x:x + w][om] = obj[om]
    mask[y:y + h, x:x + w] = om
    return comp, mask


def _background(img, m, rng):
    """Photo with its object inpainted, relit by a soft line boundary near the middle
    -> (unlit, relit, z_bright, dim gains, bright gains)."""
    size = img.shape[0]
    hole = cv2.dilate(m.astype(np.uint8) * 255, np.ones((7, 7), np.uint8)) if m is not None else None
    bg = cv2.inpaint(img, hole, 5, cv2.INPAINT_TELEA) if hole is not None else img
    yy, xx = np.mgrid[:size, :size]
    th = rng.uniform(0, 2 * np.pi)
    p = xx * np.cos(th) + yy * np.sin(th)
    width = rng.uniform(WIDTH[0], 0.12) * size
    z = smoothstep((p - np.quantile(p, rng.uniform(0.4, 0.6))) / width + 0.5)
    dim, bright = zone_gains(rng)
    return bg, relight(bg, dim + (bright - dim) * z[..., None]), z, dim, bright


def _placement_pair(prepared, i, rng, size, tries=6):
    ident, img, masks = prepared[i]
    unlit, bg, z, dim, bright = _background(img, masks[0] if masks else None, rng)
    donors = [j for j, p in enumerate(prepared) if j != i and p[2]] or [i]
    for _ in range(tries):
        j = donors[rng.integers(len(donors))]
        _, dimg, dmasks = prepared[j]
        if not dmasks:
            continue
        for area in np.linspace(rng.uniform(0.10, 0.20), 0.10, 3):
            cut = _cut_object(dimg, dmasks[rng.integers(len(dmasks))], area, size)
            if cut is None:
                continue
            obj, om = cut
            pos_d, pos_b = _place(z <= 0.0, om, rng), _place(z >= 1.0, om, rng)
            if pos_d is None or pos_b is None:
                continue
            return _pair(ident, prepared[j][0], unlit, bg, z, dim, bright, obj, om, pos_d, pos_b)
    return None


def _pair(ident, donor, unlit, bg, z, dim, bright, obj, om, pos_d, pos_b):
    comp_d, mask_d = _paste(bg, obj, om, pos_d)
    comp_b, mask_b = _paste(bg, obj, om, pos_b)
    free = ~(mask_d | mask_b)
    return dict(id=ident, donor=donor, background=bg, comp_dim=comp_d, mask_dim=mask_d.astype(np.uint8) * 255,
                comp_bright=comp_b, mask_bright=mask_b.astype(np.uint8) * 255,
                ideal_dim=_paste(bg, relight(obj, dim), om, pos_d)[0],
                ideal_bright=_paste(bg, relight(obj, bright), om, pos_b)[0],
                gain_dim=dim, gain_bright=bright, object_area=float(mask_d.mean()),
                bg_luma_dim=float(luma(relight(unlit, dim)[free]).mean()),
                bg_luma_bright=float(luma(relight(unlit, bright)[free]).mean()),
                bg_luma_dim_zone=float(luma(bg[(z <= 0.0) & free]).mean()),
                bg_luma_bright_zone=float(luma(bg[(z >= 1.0) & free]).mean()))


def placement(photos, size=256, seed=20261204):
    """Photos -> list of pair dicts: id, donor, background, comp_dim, mask_dim, comp_bright, mask_bright (uint8,
    0/255 masks), ideal_dim, ideal_bright (object lit by the zone's gain), gain_dim, gain_bright, object_area,
    bg_luma_dim, bg_luma_bright: Rec.709 luma (0..255) of the whole background (placed objects excluded) under the
    dim / the bright light. Measured over the whole background, not each zone's own pixels, so that the gap is the
    light's alone: the two zones hold different content (sky in one, ground in the other) and their raw luma gap
    can even be negative. The per-zone measurement is kept as bg_luma_dim_zone, bg_luma_bright_zone.
    One pair per photo that admits both placements. Deterministic: photo i uses numpy Generator seeded [seed, i]."""
    prepared = [prepare(p, size) for p in photos]
    pairs = (_placement_pair(prepared, i, np.random.default_rng([seed, i]), size) for i in range(len(prepared)))
    return [p for p in pairs if p is not None]


# ---------------------------------------------------------------- measures
def _mean_luma(img, mask):
    return float(luma(np.asarray(img)[np.asarray(mask) > 127]).mean())


def placement_ratio(out_dim, mask_dim, out_bright, mask_bright, bg_luma_dim, bg_luma_bright, log=False):
    """(mean luma of the object in out_bright - in out_dim) / (bg_luma_bright - bg_luma_dim); images HxWx3 on
    0..255, masks HxW 0/255. 1 = the object follows the full brightness gap, 0 = placement ignored.
    log=True: the same with natural-log lumas (floored at 1), ~1 for a perfect multiplicative relighter."""
    a, b = _mean_luma(out_dim, mask_dim), _mean_luma(out_bright, mask_bright)
    if log:
        f = lambda v: np.log(max(v, 1.0))  # noqa: E731
        return float((f(b) - f(a)) / (f(bg_luma_bright) - f(bg_luma_dim)))
    return float((b - a) / (bg_luma_bright - bg_luma_dim))


def k_effect(out_k1, out_k9, mask):
    """Mean and max absolute difference (0..255 levels, all 3 channels) inside the mask; arrays [..., H, W, 3],
    mask [..., H, W] 0/255 (or bool)."""
    sel = np.asarray(mask) > (127 if np.asarray(mask).dtype != bool else 0)
    d = np.abs(np.asarray(out_k1, np.float64) - np.asarray(out_k9, np.float64))[sel]
    return {"mean": float(d.mean()) if d.size else 0.0, "max": float(d.max()) if d.size else 0.0}




def _mse(out, real, mask=None):
    se = (np.asarray(out, np.float64) - real) ** 2
    if mask is None:
        return se.mean((1, 2, 3))
    fg = (mask > 127)[..., None]
    return (se * fg).sum((1, 2, 3)) / np.maximum(3 * fg.sum((1, 2, 3)), 1)


def _eval_two_zone(predict, zs, batch):
    comp, real, mask = zs["comp"], zs["real"], zs["mask"]
    o1, o9 = (predict_u8(predict, comp, mask, k, batch) for k in (1, 9))
    ke = [k_effect(a, b, m) for a, b, m in zip(o1, o9, mask)]
    res = {"n": len(comp), "comp_mse": float(_mse(comp, real).mean()),
           "comp_fmse": float(_mse(comp, real, mask).mean())}
    for k, o in (("k1", o1), ("k9", o9)):
        res[f"mse_{k}"], res[f"fmse_{k}"] = float(_mse(o, real).mean()), float(_mse(o, real, mask).mean())
    res["k_effect_mean"] = float(np.mean([e["mean"] for e in ke]))
    res["k_effect_max"] = float(np.max([e["max"] for e in ke]))
    return res


def _eval_placement(predict, pairs, batch, ks=(1, 9)):
    res = {"n": len(pairs)}
    stack = lambda key: np.stack([p[key] for p in pairs])  # noqa: E731
    args = lambda p, d, b: (d, p["mask_dim"], b, p["mask_bright"], p["bg_luma_dim"], p["bg_luma_bright"])  # noqa
    for log, tag in ((False, "ratio"), (True, "log_ratio")):
        ideal = [placement_ratio(*args(p, p["ideal_dim"], p["ideal_bright"]), log=log) for p in pairs]
        res[f"ideal_{tag}_mean"] = float(np.mean(ideal))
    for k in ks:
        od = predict_u8(predict, stack("comp_dim"), stack("mask_dim"), k, batch)
        ob = predict_u8(predict, stack("comp_bright"), stack("mask_bright"), k, batch)
        for log, tag in ((False, "ratio"), (True, "log_ratio")):
            vals = [placement_ratio(*args(p, d, b), log=log) for p, d, b in zip(pairs, od, ob)]
            res[f"{tag}_k{k}"], res[f"{tag}_k{k}_mean"] = vals, float(np.mean(vals))
    return res


def evaluate_scenes(predict, zone_set=None, pairs=None, photos=None, size=256, batch=8):
    """Score predict on a two_zone() set and placement() pairs (built from `photos` when not given).
    Returns {"two_zone": {n, comp_mse, comp_fmse, mse_k1, fmse_k1, mse_k9, fmse_k9, k_effect_mean, k_effect_max},
             "placement": {n, ratio_k1 (per pair), ratio_k1_mean, log_ratio_k1(_mean), ... for k9,
                           ideal_ratio_mean, ideal_log_ratio_mean}}."""
    if zone_set is None and photos is not None:
        zone_set = two_zone(photos, size)
    if pairs is None and photos is not None:
        pairs = placement(photos, size)
    out = {}
    if zone_set is not None and len(zone_set["comp"]):
        out["two_zone"] = _eval_two_zone(predict, zone_set, batch)
    if pairs:
        out["placement"] = _eval_placement(predict, pairs, batch)
    return out
