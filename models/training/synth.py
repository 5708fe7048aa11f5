"""Training-pair generator v2: casts that cover what real composites contain, and light that varies across the picture.

Why a second generator: the first one (data.recolor) taught the network one re-colouring recipe; on composites made
any other way most of the gain disappeared. Here every pair is one of
  * `none`   - no cast at all: the object already fits, the target is the input (teaches "do no harm");
  * `cast`   - one to three cast families, each at a strength drawn from barely visible to strong, applied to the
               object globally or faded over it by a smooth field;
  * `relight`- the WHOLE photo is relit by a smooth light field (two zones, a gradient, shade from one side, a warm /
               cool split); the object keeps the light of another place of the picture, so only the background cells
               near and like it tell the right light (the K-neighbour reference, issue "K effects you can see").
Cast families: colour-statistics transfer from another photo or object (Lab), illuminant (colour temperature and
exposure in linear light), tone (gamma, contrast, fade, per-channel curves), hue and saturation, retouch styles
(split toning, cross-processing, sepia / bleach). All functions are pure: float32 HxWx3 RGB 0..1 in and out.
"""
import functools
import os

import cv2
import numpy as np

from . import data

NONE_P = 0.12
RELIGHT_P = 0.3
SPATIAL_P = 0.3
HUE_DEG = 40.0  # the hue-sat family's largest hue rotation at full strength, degrees
SAT_UP = 0.8  # the hue-sat family's largest saturation boost at full strength, stops (2 ** 0.8 = 1.74x)
CHANNEL_GAMMA = 0.0  # the tone family's largest spread of per-channel gammas at full strength, stops of exponent
FEATHER_SIGMA = (0.4, 1.5)  # pixels: feather_edge's Gaussian, from about an area-shrunk edge to a soft brush
GLOBAL_AUG_P = 0.5  # the share of crops whose whole photo gets a mild colour change (data.GLOBAL_AUG)
SOFTEN_LO = 0.35  # soften_detail shrinks a pair by at least this factor before enlarging it back


# ----------------------------------------------------------------------------------------------- colour helpers
def to_linear(x):
    return np.where(x <= 0.04045, x / 12.92, ((x + 0.055) / 1.055) ** 2.4).astype(np.float32)


def to_srgb(x):
    x = np.clip(x, 0, 1)
    return np.where(x <= 0.0031308, x * 12.92, 1.055 * x ** (1 / 2.4) - 0.055).astype(np.float32)


def kelvin_gains(kelvin):
    """RGB gains of a black-body light at `kelvin` relative to 6500 K (Tanner Helland's fit, normalised by G)."""
    def rgb(k):
        t = k / 100.0
        r = 255.0 if t <= 66 else 329.7 * (t - 60) ** -0.1332
        g = 99.47 * np.log(t) - 161.12 if t <= 66 else 288.12 * (t - 60) ** -0.0755
        b = 255.0 if t >= 66 else (0.0 if t <= 19 else 138.52 * np.log(t - 10) - 305.04)
        return np.clip(np.array([r, g, b], np.float32), 1, 255)
    g = rgb(kelvin) / rgb(6500.0)
    return g / g[1]


def luma(x):
    return x[..., 0] * 0.2126 + x[..., 1] * 0.7152 + x[..., 2] * 0.0722


# ----------------------------------------------------------------------------------------------- cast families
def lab_transfer(img, m, s, rng, donor, dmask):
    """Lab mean/std of the object moved towards a donor photo's (or one of its regions') statistics."""
    return data.reinhard_to(img, m, donor, dmask, s)


def illuminant(img, m, s, rng, donor, dmask):
    """Another light: colour temperature and exposure in linear light, a green/magenta tint."""
    kelvin = 6500.0 * 2 ** (rng.uniform(-1.4, 1.1) * s)
    gains = kelvin_gains(kelvin) * 2 ** (rng.uniform(-1.3, 1.0) * s)
    gains = gains * np.array([1, 1 + rng.uniform(-0.12, 0.12) * s, 1], np.float32)
    return to_srgb(to_linear(img) * gains)


def tone(img, m, s, rng, donor, dmask, channel_gamma=CHANNEL_GAMMA):
    """Tone changes: gamma (with channel_gamma > 0, for 60 % of draws one per channel, spread up to that many stops
    of exponent: a cast that differs between shadows and highlights), contrast about the object's mean, faded blacks,
    per-channel curves."""
    gamma = 2 ** (rng.uniform(-0.9, 0.9) * s)
    if channel_gamma > 0 and rng.random() < 0.6:
        spread = rng.uniform(-channel_gamma, channel_gamma, 3) * s
        gamma = (gamma * 2 ** (spread - spread.mean())).astype(np.float32)
    out = np.clip(img, 0, 1) ** gamma
    mu = out[m > 0.5].mean(0) if m.sum() > 0 else 0.5
    out = (out - mu) * 2 ** (rng.uniform(-0.8, 0.6) * s) + mu
    if rng.random() < 0.35:
        lift = rng.uniform(0, 0.18) * s
        out = lift + out * (1 - lift)
    if rng.random() < 0.5:
        xs = np.linspace(0, 1, 5)
        for c in range(3):
            ys = np.sort(np.clip(xs + rng.normal(0, 0.1 * s, 5), 0, 1))
            out[..., c] = np.interp(np.clip(out[..., c], 0, 1), xs, ys)
    return np.clip(out, 0, 1)


def hue_sat(img, m, s, rng, donor, dmask, deg=HUE_DEG, sat_up=SAT_UP):
    """Hue rotation in HSV (up to `deg` degrees at full strength) and a saturation (or vibrance-like) change from
    1.5 stops down to `sat_up` stops up."""
    hsv = cv2.cvtColor(np.clip(img, 0, 1).astype(np.float32), cv2.COLOR_RGB2HSV)
    hsv[..., 0] = (hsv[..., 0] + rng.uniform(-deg, deg) * s) % 360
    f = 2 ** (rng.uniform(-1.5, sat_up) * s)
    if rng.random() < 0.5:  # vibrance: low-saturation colours move more
        f = 1 + (f - 1) * (1 - hsv[..., 1])
    hsv[..., 1] = np.clip(hsv[..., 1] * f, 0, 1)
    return np.clip(cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB), 0, 1)


def retouch(img, m, s, rng, donor, dmask):
    """Retouch styles: split toning, cross-processing S-curves, sepia / bleach bypass."""
    style = rng.integers(3)
    y = luma(img)[..., None]
    if style == 0:
        sh = rng.normal(0, 0.08, 3).astype(np.float32) * s
        hi = rng.normal(0, 0.08, 3).astype(np.float32) * s
        return np.clip(img + (1 - y) ** 2 * sh + y ** 2 * hi, 0, 1)
    if style == 1:
        out = np.empty_like(img)
        for c in range(3):
            k = 1 + rng.uniform(-0.5, 1.2) * s
            out[..., c] = 1 / (1 + np.exp(-k * 4 * (img[..., c] - 0.5 + rng.normal(0, 0.05) * s)))
            lo, hi = 1 / (1 + np.exp(2 * k)), 1 / (1 + np.exp(-2 * k))
            out[..., c] = (out[..., c] - lo) / (hi - lo)
        return np.clip(out, 0, 1)
    tint = np.array([1.07, 1.0, 0.82], np.float32) if rng.random() < 0.6 else np.ones(3, np.float32)
    target = np.clip(y * tint, 0, 1)
    return np.clip(img + rng.uniform(0.2, 0.9) * s * (target - img), 0, 1)


FAMILIES = {"lab-transfer": lab_transfer, "illuminant": illuminant, "tone": tone, "hue-sat": hue_sat,
            "retouch": retouch}
FAMILY_P = np.array([0.3, 0.25, 0.18, 0.15, 0.12])


def cast_families(hue_deg=HUE_DEG, sat_up=SAT_UP, channel_gamma=CHANNEL_GAMMA):
    """FAMILIES with the hue-sat family's ranges and the tone family's per-channel gamma set: the knobs the training
    pair sources share."""
    return {**FAMILIES, "hue-sat": functools.partial(hue_sat, deg=hue_deg, sat_up=sat_up),
            "tone": functools.partial(tone, channel_gamma=channel_gamma)}


# ----------------------------------------------------------------------------------------------- smooth fields
def smooth_field(h, w, rng):
    """A smooth 0..1 field over the picture: a linear gradient, a radial fall-off or a soft two-zone split."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    xx, yy = xx / w, yy / h
    kind = rng.integers(3)
    if kind == 0:
        a = rng.uniform(0, 2 * np.pi)
        t = np.cos(a) * xx + np.sin(a) * yy
    elif kind == 1:
        cx, cy, r = rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0.3, 0.9)
        t = 1 - np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / r
    else:
        a = rng.uniform(0, 2 * np.pi)
        d = np.cos(a) * (xx - rng.uniform(0.3, 0.7)) + np.sin(a) * (yy - rng.uniform(0.3, 0.7))
        t = 1 / (1 + np.exp(-d / rng.uniform(0.02, 0.12)))
    t = (t - t.min()) / (t.max() - t.min() + 1e-6)
    return t.astype(np.float32)


def light_field(h, w, rng):
    """Per-pixel RGB gains (linear light) of two lights mixed by a smooth field: one dimmer and warmer or cooler."""
    t = smooth_field(h, w, rng)[..., None]
    k1, k2 = 6500 * 2 ** rng.uniform(-1.2, 0.2), 6500 * 2 ** rng.uniform(-0.2, 0.8)
    e1, e2 = 2 ** rng.uniform(-1.8, -0.3), 2 ** rng.uniform(-0.3, 0.6)
    if rng.random() < 0.5:
        k1, k2 = k2, k1
    g1, g2 = kelvin_gains(k1) * e1, kelvin_gains(k2) * e2
    return (g1 * (1 - t) + g2 * t).astype(np.float32)


# ----------------------------------------------------------------------------------------------- pairs
def cast_pair(real, m, rng, donor, dmask, strength=None, families=FAMILIES):
    """(composite, family label): 1-3 families at random strengths, sometimes faded over the object by a field."""
    n = rng.choice([1, 2, 3], p=[0.55, 0.33, 0.12])
    names = rng.choice(list(FAMILIES), size=n, replace=False, p=FAMILY_P)
    s = rng.uniform(0.05, 1.0) ** 0.8 if strength is None else strength
    out = real
    for nm in names:
        out = families[nm](out, m, s * rng.uniform(0.6, 1.0), rng, donor, dmask)
    label = "+".join(names)
    if rng.random() < SPATIAL_P:
        f = 0.25 + 0.75 * smooth_field(*real.shape[:2], rng)[..., None]
        out = real + f * (out - real)
        label += "@field"
    return compose(out, real, m), label


def relight_pair(real, m, rng):
    """(composite, target): the whole photo relit by a light field; the object keeps the light of another place."""
    h, w = real.shape[:2]
    gains = light_field(h, w, rng)
    lin = to_linear(real)
    target = to_srgb(lin * gains)
    fg = m > 0.5
    far = ~cv2.dilate(fg.astype(np.uint8), np.ones((25, 25), np.uint8)).astype(bool)
    pool = gains[far] if far.sum() > 16 else gains.reshape(-1, 3)
    own = gains[fg].mean(0) if fg.any() else gains.mean((0, 1))
    # the most different light of a few far cells: the object clearly does not carry its place's light
    cand = pool[rng.integers(len(pool), size=8)]
    other = cand[np.argmax(np.abs(np.log(cand / own)).sum(1))]
    obj = to_srgb(lin * other)
    return compose(obj, target, m), target


def compose(obj, real, m):
    mm = m[..., None]
    return np.nan_to_num(mm * np.clip(obj, 0, 1) + (1 - mm) * real, nan=0.5).astype(np.float32)


def make_pair(real, m, rng, donor, dmask, families=FAMILIES, none_p=NONE_P, relight_p=RELIGHT_P):
    """(composite, target, kind) for one crop; none_p of them without a cast, relight_p relit, the rest cast."""
    u = rng.random()
    if u < none_p:
        return real.copy(), real, "none"
    if u < none_p + relight_p:
        comp, target = relight_pair(real, m, rng)
        if rng.random() < 0.3:  # plus an ordinary cast on the object
            comp2, _ = cast_pair(comp, m, rng, donor, dmask, strength=rng.uniform(0.05, 0.5), families=families)
            comp = comp2
        return comp, target, "relight"
    comp, label = cast_pair(real, m, rng, donor, dmask, families=families)
    return comp, real, label


def shrink_and_enlarge(img, factor):
    """An HxWxC picture shrunk by factor (area) and enlarged back (bilinear): the same size and dtype, less detail."""
    h, w = img.shape[:2]
    small = (max(1, round(w * factor)), max(1, round(h * factor)))
    return cv2.resize(cv2.resize(img, small, interpolation=cv2.INTER_AREA), (w, h), interpolation=cv2.INTER_LINEAR)


def soften_detail(comp, target, rng, lo=SOFTEN_LO):
    """The same loss of detail for composite and target: shrink_and_enlarge by a factor U(lo, 0.9), as a photo that
    was upscaled, resampled or slightly out of focus. The colours to reach are unchanged, so training teaches that how
    sharp a picture is says nothing about its cast."""
    f = rng.uniform(lo, 0.9)
    return shrink_and_enlarge(comp, f), shrink_and_enlarge(target, f)


def feather_edge(comp, target, m, rng, sigma=FEATHER_SIGMA):
    """The composite's change from the target faded out across the object's edge: target + g (comp - target), g the
    mask blurred by a Gaussian of sigma U(sigma) pixels. Inside the object, away from its edge, nothing changes; at
    the edge the cast is only partly there, as where a large composite was shrunk, or an object was cut out with a
    soft brush. The mask the network is given stays the hard one, so training teaches it to read a cast from the
    object and its surroundings rather than from a hard colour step exactly on the mask."""
    s = rng.uniform(*sigma)
    g = cv2.GaussianBlur(m.astype(np.float32), (0, 0), s)[..., None] * m[..., None]
    return (target + g * (comp - target)).astype(np.float32)


class Pairs(data.SyntheticPairs):
    """Infinite training batches of the v2 generator over the scene-split training photos. zoom: the crop's side as a
    share of the photo's short side; soften_p: the share of pairs given soften_detail; feather_p: the share given
    feather_edge; source_weights: {collection: weight per photo} (data.photo_probabilities); none_p: the share of
    pairs without a cast; relight_p: the share of relit pairs; region_p: the share of crops whose object is a region
    of the photo (data.region_mask); global_aug: the share of crops whose whole photo, target too, gets a mild colour
    change (data.GLOBAL_AUG)."""

    def __init__(self, split="train-scenes", seed=0, global_aug=GLOBAL_AUG_P, families=None, zoom=data.CROP_ZOOM,
                 soften_p=0.0, feather_p=0.0, source_weights=None, none_p=NONE_P, relight_p=RELIGHT_P, region_p=0.0):
        super().__init__(split, seed=seed, global_aug=global_aug, zoom=zoom, source_weights=source_weights,
                         region_p=region_p)
        self.none_p, self.relight_p = none_p, relight_p
        self.families = families or cast_families()
        self.soften_p = soften_p
        self.feather_p = feather_p

    def sample(self, size):
        real, m = self.crop(size)
        dimg, dmask = self.donor()
        comp, target, _ = make_pair(real, m, self.rng, dimg, dmask, self.families, self.none_p, self.relight_p)
        if self.feather_p and self.rng.random() < self.feather_p:
            comp = feather_edge(comp, target, m, self.rng)
        if self.soften_p and self.rng.random() < self.soften_p:
            comp, target = soften_detail(comp, target, self.rng)
        return comp, m, target


def validation_set(size=256, seed=4321):
    """The v2 generator's own fixed validation set on the held-out scenes (one pair per photo, seeded per photo),
    in the layout of data.fixed_val_set. Only for watching a run: models are judged on generalisation.py's sets."""
    path = os.path.join(data.CACHE, f"val-v2-{size}.npz")
    if os.path.exists(path):
        z = np.load(path, allow_pickle=False)
        return {k: z[k] for k in z.files}
    items = data.load_split("holdout")
    return data.save_set(path, [_validation_pair(items, i, size, seed) for i in range(len(items))])


def _validation_pair(items, i, size, seed):
    rng = np.random.default_rng([seed, i])
    ident, img, masks = items[i]
    real = cv2.resize(img, (size, size), interpolation=cv2.INTER_AREA).astype(np.float32) / 255.0
    m = (cv2.resize(masks[0], (size, size), interpolation=cv2.INTER_LINEAR) > 127).astype(np.float32)
    donor = items[(i * 7 + 3) % len(items)][1].astype(np.float32) / 255.0
    comp, target, kind = make_pair(real, m, rng, donor, None)
    return ident, comp, target, m, kind


class MixedPairs:
    """Training pairs drawn from both generators, both over the scene-split photos: a share `v1_share` from the first
    one (data.recolor: many strong casts, the recipe HDNet-lite learnt them from) and the rest from v2 (no-cast
    pairs, relit scenes), so that a fine-tune can learn strong corrections without forgetting to leave fitting objects
    alone."""

    def __init__(self, v1_share=0.5, seed=0, v1_none=0.0, families=None):
        self.v1_share = float(v1_share)
        self.v1_none = float(v1_none)
        self.v1 = data.SyntheticPairs("train-scenes", seed=seed + 1)
        self.v2 = Pairs(seed=seed + 2, families=families)
        self.rng = np.random.default_rng(seed)

    @property
    def rng(self):
        return self._rng

    @rng.setter
    def rng(self, value):
        """Reseeding (as each data-loader worker does) reseeds both generators from the new stream too."""
        self._rng = value
        self.v1.rng, self.v2.rng = (np.random.default_rng(s) for s in value.integers(2 ** 62, size=2))

    def source(self):
        """The generator of the next pair."""
        return self.v1 if self.rng.random() < self.v1_share else self.v2

    def sample(self, size):
        """One pair; a v1 draw becomes a no-cast pair (target = input) with probability `v1_none`, so that mixing
        in v1, which has none, need not dilute the share of objects that already fit."""
        src = self.source()
        comp, m, real = src.sample(size)
        if src is self.v1 and self.v1_none and self.rng.random() < self.v1_none:
            comp = real.copy()
        return comp, m, real

    def batch(self, n, size):
        return data.stack_pairs([self.sample(size) for _ in range(n)])
