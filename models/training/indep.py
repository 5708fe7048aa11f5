"""Independent synthetic evaluation set for image harmonization.

Why it exists: a network trained on synthetic colour casts can learn the quirks of the generator that made them,
and a test set made by the same generator cannot see that. This module was written apart from the training
generators (training/data.py and training/synth.py were not read) with its own code and parameterisation, and it
adds cast families the training generator never makes (channel-mix, split-tone, haze, local-light).

A photo item is (ident, uint8 RGB HxWx3, [uint8 HxW 0/255 masks]). build() resizes every photo to size x size,
picks one of its masks, re-colours ONLY the object by one family (30 % of items: two in sequence, "a+b") and
composites it over the untouched photo; real = the photo. About 10 % of items are "none" (comp == real).

Families (all images are sRGB 0..1 floats inside; "s" is a per-item amount drawn uniformly from 0.05..1):
  stat-transfer  per-channel histogram matching (YCrCb or RGB) of the object to another photo's object or whole
                 image, blended with weight s.
  camera         exposure in linear light (+-1.6 EV) and white balance from a colour temperature 2500..10000 K
                 (relative to 6500 K, luminance-neutral gains) plus a green/magenta tint.
  hue-sat        rotation of the IQ plane of YIQ (up to 150 degrees) and a saturation factor exp(+-1).
  tone           per-channel gamma, an S or inverse-S sigmoid contrast curve, black-point lift.
  channel-mix    3x3 cross-talk matrix in linear light, rows summing to about 1.
  split-tone     shadows pushed toward one hue, highlights toward another (teal/orange, purple/yellow, ...).
  haze           blend toward a coloured fog colour with a contrast loss, denser toward one side of the object.
  local-light    smooth two-sided or radial light falloff over the object, in linear light, with a colour tint.

strength = the composite's foreground MSE against the real photo on 0..255 levels (mean over object pixels and the
3 channels), for every family. strength_bin: "none" for family none, else mild < MILD_MAX = 90 <= medium <
STRONG_MIN = 400 <= strong, about the terciles of the casts on the val photos (87, 393).

evaluate_set() scores a predictor: MSE over the whole image (iHarmony4 protocol), fMSE, PSNR and worse_share, overall,
per base family and per strength bin. Predictions are rounded to 8-bit levels before scoring, as a saved image.
"""
import colorsys

import cv2
import numpy as np

FAMILIES = ("stat-transfer", "camera", "hue-sat", "tone", "channel-mix", "split-tone", "haze", "local-light")
MILD_MAX, STRONG_MIN = 90.0, 400.0  # fg MSE terciles of the non-none val items: 87, 393
NONE_WORSE = 1.0  # a `none` item counts as made worse when its output fMSE exceeds this (its composite's is 0)
PSNR_CAP = 60.0   # dB; an exact output would give infinity
MIN_AREA, MAX_AREA = 0.01, 0.80
CONTRAST_EDGES = (10.0, 25.0, 50.0, 80.0)  # levels: bins of brightness_gap (0-10, 10-25, 25-50, 50-80, 80+)
LUMA = np.array([0.2126, 0.7152, 0.0722])
YIQ = np.array([[0.299, 0.587, 0.114], [0.595716, -0.274453, -0.321263], [0.211456, -0.522591, 0.311135]])


# ---------------------------------------------------------------- colour helpers
def to_linear(x):
    x = np.clip(x, 0.0, 1.0)
    return np.where(x <= 0.04045, x / 12.92, ((x + 0.055) / 1.055) ** 2.4)


def to_srgb(x):
    x = np.clip(x, 0.0, 1.0)
    return np.where(x <= 0.0031308, 12.92 * x, 1.055 * x ** (1 / 2.4) - 0.055)


def to_u8(x):
    return np.clip(np.round(np.asarray(x) * 255.0), 0, 255).astype(np.uint8)


def kelvin_rgb(kelvin):
    """Colour of a black body at `kelvin` as sRGB 0..1 (Tanner Helland's fit)."""
    t = kelvin / 100.0
    r = 255.0 if t <= 66 else 329.698727446 * (t - 60) ** -0.1332047592
    g = 99.4708025861 * np.log(t) - 161.1195681661 if t <= 66 else 288.1221695283 * (t - 60) ** -0.0755148492
    b = 255.0 if t >= 66 else (0.0 if t <= 19 else 138.5177312231 * np.log(t - 10) - 305.0447927307)
    return np.clip([r, g, b], 1.0, 255.0) / 255.0


def light_gains(kelvin, tint=0.0):
    """Linear-light RGB gains of a `kelvin` light relative to 6500 K, with a green (+) / magenta (-) tint; luma 1."""
    g = to_linear(kelvin_rgb(kelvin)) / to_linear(kelvin_rgb(6500.0))
    g = g * np.array([2 ** (-tint / 2), 2 ** tint, 2 ** (-tint / 2)])
    return g / (g @ LUMA)


def hue_chroma(deg):
    """Zero-luma RGB direction of hue `deg` (largest component magnitude 1)."""
    rgb = np.array(colorsys.hsv_to_rgb((deg % 360) / 360.0, 1.0, 1.0))
    c = rgb - rgb @ LUMA
    return c / np.abs(c).max()


def _sign(rng):
    return 1.0 if rng.random() < 0.5 else -1.0


# ---------------------------------------------------------------- cast families: f(x, m, rng, s, donor) -> image
def _match_channel(chan, src_vals, ref_vals):
    """Map uint8 `chan` so that the distribution of src_vals becomes that of ref_vals (quantile mapping)."""
    hist = np.bincount(src_vals.ravel(), minlength=256).astype(np.float64)
    cdf = (np.cumsum(hist) - hist / 2) / hist.sum()
    lut = np.quantile(ref_vals.astype(np.float64), np.clip(cdf, 0, 1))
    return lut[chan]


def stat_transfer(x, m, rng, s, donor):
    img8, ref_px = to_u8(x), donor
    ycc = rng.random() < 0.5
    src = cv2.cvtColor(img8, cv2.COLOR_RGB2YCrCb) if ycc else img8
    if ycc:
        ref_px = cv2.cvtColor(ref_px[None], cv2.COLOR_RGB2YCrCb)[0]
    out = np.stack([_match_channel(src[..., c], src[..., c][m], ref_px[:, c]) for c in range(3)], -1)
    out = to_u8(out / 255.0)
    if ycc:
        out = cv2.cvtColor(out, cv2.COLOR_YCrCb2RGB)
    s = s ** 1.5  # donors usually differ a lot: favour partial blends
    return (1 - s) * x + s * out / 255.0


def camera(x, m, rng, s, donor=None):
    ev = _sign(rng) * s * rng.uniform(0.3, 1.6)
    kelvin = 6500.0 * (2500 / 6500 if rng.random() < 0.5 else 10000 / 6500) ** (s * rng.uniform(0.2, 1.0))
    gains = light_gains(kelvin, tint=rng.uniform(-0.25, 0.25) * s)
    return to_srgb(to_linear(x) * gains * 2 ** ev)


def hue_sat(x, m, rng, s, donor=None):
    yiq = x @ YIQ.T
    a = _sign(rng) * s * np.deg2rad(rng.uniform(20, 150))
    sat = np.exp(_sign(rng) * s * rng.uniform(0.2, 1.0))
    i, q = yiq[..., 1].copy(), yiq[..., 2].copy()
    yiq[..., 1] = sat * (np.cos(a) * i - np.sin(a) * q)
    yiq[..., 2] = sat * (np.sin(a) * i + np.cos(a) * q)
    return yiq @ np.linalg.inv(YIQ).T


def _sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))


def s_curve(x, k, inverse=False):
    """Sigmoid contrast curve of steepness k mapping [0,1] onto [0,1]; inverse=True flattens the mid-tones."""
    lo, hi = _sigmoid(-k / 2), _sigmoid(k / 2)
    if not inverse:
        return (_sigmoid(k * (np.clip(x, 0, 1) - 0.5)) - lo) / (hi - lo)
    p = lo + np.clip(x, 0, 1) * (hi - lo)
    return 0.5 + np.log(p / (1 - p)) / k


def tone(x, m, rng, s, donor=None):
    y = np.clip(x, 0, 1) ** np.exp(rng.normal(0, 0.35, 3) * s)
    y = s_curve(y, 0.5 + 8 * s * rng.uniform(0.2, 1.0), inverse=rng.random() < 0.4)
    lift = s * rng.uniform(0.0, 0.25)
    return lift + (1 - lift) * y


def channel_mix(x, m, rng, s, donor=None):
    off = rng.uniform(-0.2, 0.6, (3, 3)) * s
    np.fill_diagonal(off, 0.0)
    mat = (off + np.diag(1.0 - off.sum(1))) * rng.uniform(0.97, 1.03, (3, 1))
    return to_srgb(to_linear(x) @ mat.T)


TONE_PAIRS = ((190, 30), (275, 55), (220, 0), (150, 320), (250, 90))  # shadow/highlight hues, degrees


def split_tone(x, m, rng, s, donor=None):
    shadow, light = TONE_PAIRS[rng.integers(len(TONE_PAIRS))]
    if rng.random() < 0.5:
        shadow, light = light, shadow
    y = (np.clip(x, 0, 1) @ LUMA)[..., None]
    amount = s * rng.uniform(0.2, 0.6)
    cs, ch = hue_chroma(shadow + rng.uniform(-15, 15)), hue_chroma(light + rng.uniform(-15, 15))
    return x + amount * ((1 - y) ** 2 * cs + y ** 2 * ch)


def _object_frame(m):
    """Centroid (cy, cx) and spread (pixels) of the object."""
    ys, xs = np.nonzero(m)
    return ys.mean(), xs.mean(), max(2.0, np.sqrt(ys.var() + xs.var()))


def haze(x, m, rng, s, donor=None):
    fog = np.array(colorsys.hsv_to_rgb(rng.uniform(), rng.uniform(0.05, 0.5), rng.uniform(0.45, 0.95)))
    cy, cx, spread = _object_frame(m)
    th = rng.uniform(0, 2 * np.pi)
    yy, xx = np.mgrid[:m.shape[0], :m.shape[1]]
    ramp = 1 + rng.uniform(0, 0.5) * np.tanh(((yy - cy) * np.sin(th) + (xx - cx) * np.cos(th)) / spread)
    a = np.clip(s * rng.uniform(0.3, 0.75) * ramp, 0, 0.95)[..., None]
    mu = x[m].mean(0)
    flat = mu + (x - mu) * (1 - 0.5 * a)
    return flat * (1 - a) + fog * a


def local_light(x, m, rng, s, donor=None):
    cy, cx, spread = _object_frame(m)
    yy, xx = np.mgrid[:m.shape[0], :m.shape[1]]
    if rng.random() < 0.5:  # two-sided: bright on one side, dark on the other
        th = rng.uniform(0, 2 * np.pi)
        f = np.tanh(((yy - cy) * np.sin(th) + (xx - cx) * np.cos(th)) / (spread * rng.uniform(0.4, 1.2)))
    else:  # radial spot centred on an object pixel
        ys, xs = np.nonzero(m)
        j = rng.integers(len(ys))
        d2 = ((yy - ys[j]) ** 2 + (xx - xs[j]) ** 2) / (spread * rng.uniform(0.5, 1.5)) ** 2
        f = 2 * np.exp(-d2) - 1
    gain = 2 ** (s * rng.uniform(0.5, 2.5) / 2 * f)[..., None]
    tint = light_gains(rng.choice([3000.0, 4000.0, 9000.0, 12000.0]), rng.uniform(-0.2, 0.2))
    lit = (f[..., None] + 1) / 2 * s
    return to_srgb(to_linear(x) * gain * (1 + (tint - 1) * lit))


CASTS = dict(zip(FAMILIES, (stat_transfer, camera, hue_sat, tone, channel_mix, split_tone, haze, local_light)))


# ---------------------------------------------------------------- building the set
def prepare(photo, size):
    """(ident, img, masks) -> (ident, uint8 size x size x 3, [bool masks with MIN_AREA..MAX_AREA area])."""
    ident, img, masks = photo
    if img.ndim == 2:
        img = np.repeat(img[..., None], 3, -1)
    img = cv2.resize(img[..., :3], (size, size), interpolation=cv2.INTER_AREA)
    keep = []
    for mk in masks:
        b = cv2.resize(mk, (size, size), interpolation=cv2.INTER_LINEAR) > 127
        if MIN_AREA <= b.mean() <= MAX_AREA:
            keep.append(b)
    return ident, img, keep


def _donor_pixels(prepared, i, rng):
    """Reference pixels (N x 3 uint8) from another photo: its object (if any) or its whole image."""
    others = [j for j in range(len(prepared)) if j != i]
    if not others:  # a single photo: use its own background
        _, img, masks = prepared[i]
        return img[~masks[0]]
    _, img, masks = prepared[others[rng.integers(len(others))]]
    if masks and rng.random() < 0.5:
        return img[masks[rng.integers(len(masks))]]
    return img.reshape(-1, 3)


def strength_bin(family, strength):
    if family == "none":
        return "none"
    return "mild" if strength < MILD_MAX else ("medium" if strength < STRONG_MIN else "strong")


def _make_item(prepared, i, rng, families, p_none, p_combo):
    ident, img, masks = prepared[i]
    m = masks[rng.integers(len(masks))]
    names = []
    if rng.random() >= p_none:
        names.append(families[rng.integers(len(families))])
        rest = [f for f in families if f != names[0]]
        if rest and rng.random() < p_combo:
            names.append(rest[rng.integers(len(rest))])
    x = img / 255.0
    for name in names:
        s = rng.uniform(0.05, 1.0) * (0.8 if len(names) > 1 else 1.0)
        x = CASTS[name](x, m, rng, s, _donor_pixels(prepared, i, rng) if name == "stat-transfer" else None)
    comp = np.where(m[..., None], to_u8(x), img)
    strength = float(((comp.astype(np.float64) - img)[m] ** 2).mean())
    family = "+".join(names) or "none"
    return dict(comp=comp, real=img, mask=m.astype(np.uint8) * 255, ids=ident, family=family,
                strength=strength, strength_bin=strength_bin(family, strength))


def build(photos, size=256, seed=20261202, per_photo=1, families=None, p_none=0.1, p_combo=0.3):
    """Photos -> dict of arrays comp, real [N,size,size,3] uint8, mask [N,size,size] uint8 0/255, ids, family,
    strength (composite fg MSE, 0..255 levels), strength_bin. Photos without a usable mask are skipped.
    families restricts the families drawn (e.g. ["haze"]); p_none / p_combo: share of `none` / two-family items.
    Deterministic: item r of photo i draws from numpy Generator seeded [seed, i, r]."""
    families = tuple(families or FAMILIES)
    prepared = [prepare(p, size) for p in photos]
    items = [_make_item(prepared, i, np.random.default_rng([seed, i, r]), families, p_none, p_combo)
             for i in range(len(prepared)) if prepared[i][2] for r in range(per_photo)]
    keys = ("comp", "real", "mask", "ids", "family", "strength", "strength_bin")
    if not items:
        return {k: np.zeros((0,)) for k in keys}
    return {k: np.array([it[k] for it in items]) for k in keys}


# ---------------------------------------------------------------- scoring
def predict_u8(predict, comp, mask, k=1, batch=8):
    """Run predict over uint8 NHWC composites in batches -> uint8 NHWC outputs (rounded to 8-bit levels)."""
    outs = []
    for a in range(0, len(comp), batch):
        c = comp[a:a + batch].transpose(0, 3, 1, 2).astype(np.float32) / 255.0
        mk = (mask[a:a + batch] > 127).astype(np.float32)[:, None]
        outs.append(to_u8(np.asarray(predict(c, mk, k), dtype=np.float64)).transpose(0, 2, 3, 1))
    return np.concatenate(outs) if outs else np.zeros_like(comp)


def image_errors(out, real, mask):
    """uint8 NHWC out/real, NHW mask -> (mse over the whole image, fMSE) per image, 0..255 levels."""
    se = ((out.astype(np.float64) - real) ** 2).sum(-1)
    fg = mask > 127
    mse = se.mean((1, 2)) / 3
    fmse = (se * fg).sum((1, 2)) / np.maximum(3 * fg.sum((1, 2)), 1)
    return mse, fmse


def psnr(mse):
    return np.minimum(10 * np.log10(255.0 ** 2 / np.maximum(mse, 1e-12)), PSNR_CAP)


def summarize(per, sel):
    n = int(sel.sum())
    if n == 0:
        return {"n": 0}
    keys = ("mse", "fmse", "psnr", "comp_mse", "comp_fmse")
    out = {"n": n, **{k: float(per[k][sel].mean()) for k in keys}}
    out["worse_share"] = float(per["worse"][sel].mean())
    return out


def evaluate_set(predict, ds, k=1, batch=8):
    """Score predict(comp [B,3,H,W] 0..1, mask [B,1,H,W] 0/1, k) -> [B,3,H,W] 0..1 on a build() set (score_outputs)."""
    return score_outputs(predict_u8(predict, ds["comp"], ds["mask"], k, batch), ds)


def score_outputs(out, ds):
    """Score uint8 NHWC outputs, one per item of a build() set.
    worse: the output's fMSE is above the composite's (for `none` items, whose composite fMSE is 0: above NONE_WORSE).
    Returns {"per_image": arrays, "summary", "per_family" (base family = first of a combination), "per_bin",
    "per_source" (the photo's collection, the part of its id before "/"), "per_contrast" (brightness_gap's bins)}."""
    mse, fmse = image_errors(out, ds["real"], ds["mask"])
    comp_mse, comp_fmse = image_errors(ds["comp"], ds["real"], ds["mask"])
    none = ds["family"] == "none"
    worse = np.where(none, fmse > NONE_WORSE, fmse > comp_fmse)
    per = dict(mse=mse, fmse=fmse, psnr=psnr(mse), comp_mse=comp_mse, comp_fmse=comp_fmse, worse=worse)
    base = np.array([f.split("+")[0] for f in ds["family"]])
    source = np.array([str(i).split("/")[0] for i in ds["ids"]])
    every = np.ones(len(mse), bool)
    return {"per_image": per, "summary": summarize(per, every),
            "per_family": {f: summarize(per, base == f) for f in ("none",) + FAMILIES if (base == f).any()},
            "per_bin": {b: summarize(per, ds["strength_bin"] == b) for b in ("none", "mild", "medium", "strong")},
            "per_source": {c: summarize(per, source == c) for c in sorted(set(source))},
            "per_contrast": contrast_bins(per, brightness_gap(ds["real"], ds["mask"]))}


def brightness_gap(real, mask):
    """uint8 NHWC real photos, NHW masks -> |mean luma inside the object - mean luma around it| per photo, levels:
    how far the object is meant to differ in brightness from its scene."""
    luma = real.astype(np.float64) @ LUMA
    fg = mask > 127
    inside = (luma * fg).sum((1, 2)) / np.maximum(fg.sum((1, 2)), 1)
    outside = (luma * ~fg).sum((1, 2)) / np.maximum((~fg).sum((1, 2)), 1)
    return np.abs(inside - outside)


def contrast_bins(per, gap, edges=CONTRAST_EDGES):
    """summarize() per bin of brightness gap, named "lo-hi" (the last "lo+")."""
    bounds = (0.0,) + tuple(edges)
    which = np.digitize(gap, edges)
    names = [f"{lo:g}-{hi:g}" for lo, hi in zip(bounds, bounds[1:])] + [f"{bounds[-1]:g}+"]
    return {name: summarize(per, which == i) for i, name in enumerate(names)}
