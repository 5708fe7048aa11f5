"""Training-pair synthesis and datasets.

Synthetic pairs: a photo with an object mask from shared/data/train; the masked object is re-coloured
(Reinhard Lab transfer from another photo/region, exposure, contrast, gamma, white balance, per-channel curves,
saturation, hue, illumination gradients; 1-3 mixed), composite = M*recoloured + (1-M)*photo, target = photo.

Photos are decoded once and cached (short side 256, uint8) in cache/train_<split>.pkl (gitignored).
The fixed validation set (val.txt ids, first mask, 256x256, seeded re-colouring) is cache/val256.npz.
`IHarmony4` reads the real dataset layout (IHD_train.txt / IHD_test.txt, composite_images/, masks/, real_images/).
"""
import os
import pickle

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("HD_DATA", "/work/shared/data/train")
CACHE = os.environ.get("HDCOMPOSE_CACHE", os.path.join(HERE, "cache"))
SHORT = 256
VAL_SIZE = 256
VAL_SEED = 1234

cv2.setNumThreads(1)


# ----------------------------------------------------------------------------------------------- loading
def _read_ids(split):
    with open(os.path.join(DATA, f"{split}.txt")) as f:
        return [ln.strip() for ln in f if ln.strip()]


def scene(ident):
    """The scene a photo belongs to: DAVIS frames of one sequence are one scene, every other photo its own."""
    folder, name = ident.split("/", 1)
    return f"{folder}/{name.rsplit('_', 1)[0]}" if folder == "davis" else ident


def split_ids(split):
    """Photo ids of a split. `train`/`val` are the files' lists; `train-scenes` is `train` without every photo whose
    scene has a photo in `val` (DAVIS frames of a validation sequence), so no held-out scene is ever trained on;
    `holdout` is `val` (the held-out scenes)."""
    if split == "holdout":
        return _read_ids("val")
    if split == "train-scenes":
        held = {scene(i) for i in _read_ids("val")}
        return [i for i in _read_ids("train") if scene(i) not in held]
    return _read_ids(split)


def _mask_files(ident):
    folder, name = ident.split("/", 1)
    mdir = os.path.join(DATA, folder, "masks")
    out = []
    i = 1
    while os.path.exists(os.path.join(mdir, f"{name}_{i}.png")):
        out.append(os.path.join(mdir, f"{name}_{i}.png"))
        i += 1
    return out


def _image_file(ident):
    folder, name = ident.split("/", 1)
    d = os.path.join(DATA, folder, "images")
    for ext in (".jpg", ".png", ".jpeg", ".JPG"):
        p = os.path.join(d, name + ext)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(ident)


def _resize_short(img, short, interp):
    h, w = img.shape[:2]
    s = short / min(h, w)
    if abs(s - 1) < 1e-3:
        return img
    return cv2.resize(img, (max(1, round(w * s)), max(1, round(h * s))), interpolation=interp)


def load_split(split):
    """List of (image uint8 RGB, [mask uint8 0/255, ...]) with short side SHORT; cached."""
    if split in ("train-scenes", "holdout"):
        keep = set(split_ids(split))
        base = load_split("train" if split == "train-scenes" else "val")
        return [it for it in base if it[0] in keep]
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, f"{split}_{SHORT}.pkl")
    if os.path.exists(path):
        with open(path, "rb") as f:
            return pickle.load(f)
    items = []
    for ident in _read_ids(split):
        img = cv2.imread(_image_file(ident), cv2.IMREAD_COLOR)[:, :, ::-1]
        img = np.ascontiguousarray(_resize_short(img, SHORT, cv2.INTER_AREA))
        masks = []
        for mf in _mask_files(ident):
            m = cv2.imread(mf, cv2.IMREAD_GRAYSCALE)
            m = cv2.resize(m, (img.shape[1], img.shape[0]), interpolation=cv2.INTER_LINEAR)
            masks.append(((m > 127) * 255).astype(np.uint8))
        if masks:
            items.append((ident, img, masks))
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        pickle.dump(items, f, protocol=4)
    os.replace(tmp, path)
    return items


# ----------------------------------------------------------------------------------------------- recolouring
def _lab(img):
    return cv2.cvtColor(img.astype(np.float32), cv2.COLOR_RGB2Lab)


def _rgb(lab):
    return np.clip(cv2.cvtColor(lab.astype(np.float32), cv2.COLOR_Lab2RGB), 0, 1)


def reinhard(img, m, donor, dmask, rng):
    """Lab mean/std transfer of the fg region towards donor statistics (whole donor or a region of it)."""
    return reinhard_to(img, m, donor, dmask, rng.uniform(0.4, 1.0))


def reinhard_to(img, m, donor, dmask, a):
    """Lab mean/std transfer of the fg region towards donor statistics, blended by a (0 = unchanged, 1 = full)."""
    lab = _lab(img)
    dl = _lab(donor)
    sel = m > 0.5
    dsel = dmask if dmask is not None and dmask.sum() > 50 else np.ones(dl.shape[:2], bool)
    mu_s, sd_s = lab[sel].mean(0), lab[sel].std(0) + 1e-3
    mu_t, sd_t = dl[dsel].mean(0), dl[dsel].std(0) + 1e-3
    out = (lab - mu_s) / sd_s * sd_t + mu_t
    return _rgb(lab * (1 - a) + out * a)


def exposure(img, rng, m=None, donor=None):
    return np.clip(img * 2 ** rng.uniform(-0.9, 0.9), 0, 1)


def contrast(img, rng, m=None, donor=None):
    mu = img.mean()
    return np.clip((img - mu) * rng.uniform(0.55, 1.5) + mu, 0, 1)


def gamma(img, rng, m=None, donor=None):
    return np.clip(img, 0, 1) ** rng.uniform(0.55, 1.8)


def white_balance(img, rng, m=None, donor=None):
    g = rng.uniform(0.7, 1.35, size=3)
    g /= g.mean() ** 0.5
    return np.clip(img * g, 0, 1)


def channel_curves(img, rng, m=None, donor=None):
    out = np.empty_like(img)
    xs = np.linspace(0, 1, 5)
    for c in range(3):
        ys = np.sort(np.clip(xs + rng.normal(0, 0.12, 5), 0, 1))
        ys[0] = min(ys[0], 0.15)
        out[..., c] = np.interp(img[..., c], xs, ys)
    return out


def saturation(img, rng, m=None, donor=None):
    grey = img.mean(2, keepdims=True)
    return np.clip(grey + (img - grey) * rng.uniform(0.3, 1.7), 0, 1)


def hue(img, rng, m=None, donor=None):
    hsv = cv2.cvtColor(img.astype(np.float32), cv2.COLOR_RGB2HSV)
    hsv[..., 0] = (hsv[..., 0] + rng.uniform(-25, 25)) % 360
    return np.clip(cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB), 0, 1)


def gradient(img, rng, m=None, donor=None):
    h, w = img.shape[:2]
    ang = rng.uniform(0, 2 * np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = (np.cos(ang) * xx / w + np.sin(ang) * yy / h)
    t = (t - t.min()) / (t.max() - t.min() + 1e-6)
    lo, hi = sorted(rng.uniform(0.55, 1.45, 2))
    g = (lo + (hi - lo) * t)[..., None]
    tint = 1 + rng.normal(0, 0.06, 3)
    return np.clip(img * g * tint, 0, 1)


RETOUCH = [exposure, contrast, gamma, white_balance, channel_curves, saturation, hue, gradient]


def _mild(fn, lo, hi):
    def f(img, rng):
        return np.clip(img * (1 - t) + fn(img, rng) * t, 0, 1) if (t := rng.uniform(lo, hi)) else img
    return f


GLOBAL_AUG = [_mild(hue, 0.3, 1.0), _mild(white_balance, 0.3, 0.8), _mild(gamma, 0.2, 0.6),
              _mild(saturation, 0.3, 0.8), _mild(channel_curves, 0.3, 0.8)]


def recolor(img, m, rng, donor, dmask=None):
    """img float32 HxWx3 0..1, m HxW 0/1 -> composite with the fg re-coloured (1-3 mixed operations)."""
    out = img
    for _ in range(10):
        out = img.copy()
        n = rng.integers(1, 4)
        if rng.random() < 0.55 and m.sum() >= 4:
            out = reinhard(out, m, donor, dmask, rng)
            n -= 1
        for j in rng.choice(len(RETOUCH), size=n, replace=False):
            out = RETOUCH[j](out, rng)
        diff = np.abs(out - img)[m > 0.5].mean() if m.sum() > 0 else 1.0
        if 0.025 < diff < 0.35:
            break
    mm = m[..., None]
    out = np.nan_to_num(np.clip(out, 0, 1), nan=0.5)
    return (mm * out + (1 - mm) * img).astype(np.float32)


def soften(comp, real, rng, most=0.5):
    """A composite whose cast is a random fraction (0..most) of comp's: nearly harmonious objects, which the network
    must learn to leave (almost) alone. Training only (train.py --mild); the fixed validation set never uses it."""
    t = rng.uniform(0.0, most)
    return (real + t * (comp - real)).astype(np.float32)


# ----------------------------------------------------------------------------------------------- sampling
CROP_ZOOM = (0.55, 1.0)  # a crop's side as a share of the photo's short side


def random_crop(img, mask, size, rng, zoom=CROP_ZOOM):
    """A square crop of side zoom * the short side (uniform in the range), resized to size, flipped half of the time;
    an object covering 1-85 % of it is preferred (10 tries)."""
    h, w = img.shape[:2]
    best = None
    for _ in range(10):
        s = max(8, int(min(h, w) * rng.uniform(*zoom)))
        y = rng.integers(0, h - s + 1)
        x = rng.integers(0, w - s + 1)
        frac = (mask[y:y + s, x:x + s] > 127).mean()
        best = (y, x, s)
        if 0.01 < frac < 0.85:
            break
    y, x, s = best
    interp = cv2.INTER_AREA if s >= size else cv2.INTER_LINEAR  # OpenCV's area filter enlarges in blocks
    ci = cv2.resize(img[y:y + s, x:x + s], (size, size), interpolation=interp)
    cm = cv2.resize(mask[y:y + s, x:x + s], (size, size), interpolation=cv2.INTER_LINEAR)
    if rng.random() < 0.5:
        ci, cm = ci[:, ::-1], cm[:, ::-1]
    return ci.astype(np.float32) / 255.0, (cm > 127).astype(np.float32)


def photo_source(ident):
    """The collection a photo id comes from ("labelme", "davis", "bsds")."""
    return str(ident).split("/")[0]


def photo_probabilities(ids, source_weights):
    """Drawing probability of each photo: its source's weight (default 1) per photo, normalised; None = uniform.
    Weights above 1 show the network more of a collection that is rare among the training photos."""
    if not source_weights:
        return None
    w = np.array([float(source_weights.get(photo_source(i), 1.0)) for i in ids])
    if (w < 0).any() or w.sum() <= 0:
        raise ValueError(f"source weights must be >= 0 with a positive total: {source_weights}")
    return w / w.sum()


REGION_SHARE = (0.05, 0.5)  # the share of the photo a region mask covers
REGION_SEEDS = (6, 24)  # how many seeds the watershed grows regions from


def region_mask(img, rng, share=REGION_SHARE, seeds=REGION_SEEDS):
    """A uint8 0/255 mask of one region of the photo (HxWx3 uint8) that follows its edges: the watershed of its
    colours grown from a few random seeds, one region (or, when none fits, the union of the smallest) covering a
    share of the photo in the range. Any part of a photo, a wall, a patch of sky or half a car, keeps the brightness
    and colour it has there, so such regions teach that a region brighter or darker than the rest is not a cast."""
    h, w = img.shape[:2]
    n = int(rng.integers(seeds[0], seeds[1] + 1))
    markers = np.zeros((h, w), np.int32)
    markers[rng.integers(0, h, n), rng.integers(0, w, n)] = np.arange(1, n + 1)
    cv2.watershed(np.ascontiguousarray(img[:, :, ::-1]), markers)
    labels, counts = np.unique(markers[markers > 0], return_counts=True)
    frac = counts / float(h * w)
    fits = labels[(frac >= share[0]) & (frac <= share[1])]
    if len(fits):
        chosen = [fits[rng.integers(len(fits))]]
    else:  # the smallest regions together until the union reaches the range
        order = np.argsort(frac)
        upto = np.searchsorted(np.cumsum(frac[order]), share[0]) + 1
        chosen = labels[order[:upto]]
    region = np.isin(markers, chosen)
    region = cv2.dilate(region.astype(np.uint8), np.ones((3, 3), np.uint8))  # the watershed's one-pixel borders
    return region * np.uint8(255)


class SyntheticPairs:
    """Infinite random training batches from cached photos + masks. region_p: the share of crops whose mask is a
    region_mask of the photo instead of one of its object masks."""

    def __init__(self, split="train", seed=0, global_aug=0.7, mild=0.0, zoom=CROP_ZOOM, source_weights=None,
                 region_p=0.0):
        self.global_aug = global_aug
        self.mild = mild
        self.zoom = zoom
        self.region_p = region_p
        self.items = load_split(split)
        self.photo_p = photo_probabilities([it[0] for it in self.items], source_weights)
        self.rng = np.random.default_rng(seed)

    def crop(self, size):
        """A random crop of a random photo (drawn by photo_p) and one of its masks (float32 0..1, mask 0/1)."""
        it = self.items[self.rng.choice(len(self.items), p=self.photo_p) if self.photo_p is not None
                        else self.rng.integers(len(self.items))]
        if self.region_p and self.rng.random() < self.region_p:
            mask = region_mask(it[1], self.rng)
        else:
            mask = it[2][self.rng.integers(len(it[2]))]
        real, m = random_crop(it[1], mask, size, self.rng, self.zoom)
        if self.rng.random() < self.global_aug:
            # Mild colour change of the WHOLE photo (target too): the network cannot memorise the photos' true
            # object colours and has to use the background as the reference. (It can still remember an object's
            # colour relative to its scene: the model card's seen-photos measure.)
            real = GLOBAL_AUG[self.rng.integers(len(GLOBAL_AUG))](real, self.rng).astype(np.float32)
        return real, m

    def donor(self):
        """Another photo (float32 0..1) and, half of the time, one of its object masks or its inverse."""
        d = self.items[self.rng.integers(len(self.items))]
        dimg = d[1].astype(np.float32) / 255.0
        dmask = None
        if self.rng.random() < 0.5:
            dm = d[2][self.rng.integers(len(d[2]))] > 127
            dmask = dm if self.rng.random() < 0.5 else ~dm
        return dimg, dmask

    def sample(self, size):
        real, m = self.crop(size)
        dimg, dmask = self.donor()
        comp = recolor(real, m, self.rng, dimg, dmask)
        if self.mild and self.rng.random() < self.mild:
            comp = soften(comp, real, self.rng)
        return comp, m, real

    def batch(self, n, size):
        return stack_pairs([self.sample(size) for _ in range(n)])


def stack_pairs(pairs):
    """(composite, mask, real) HxW pairs -> the batch arrays [N,3,H,W], [N,1,H,W], [N,3,H,W] the trainer takes."""
    cs, ms, rs = zip(*pairs)
    return (np.stack(cs).transpose(0, 3, 1, 2).copy(), np.stack(ms)[:, None].copy(),
            np.stack(rs).transpose(0, 3, 1, 2).copy())


def fixed_val_set(size=VAL_SIZE):
    """Deterministic validation set: every val.txt id (first mask), resized to size x size, seeded re-colouring.
    Returns dict of uint8 arrays comp/real [N,H,W,3], mask [N,H,W] (0/255) and ids."""
    path = os.path.join(CACHE, f"val{size}.npz")
    if os.path.exists(path):
        z = np.load(path, allow_pickle=False)
        return {k: z[k] for k in z.files}
    items = load_split("val")
    pairs = []
    for i, (ident, img, ms) in enumerate(items):
        rng = np.random.default_rng(VAL_SEED + i)
        real = cv2.resize(img, (size, size), interpolation=cv2.INTER_AREA).astype(np.float32) / 255.0
        m = (cv2.resize(ms[0], (size, size), interpolation=cv2.INTER_LINEAR) > 127).astype(np.float32)
        d = items[(i * 7 + 3) % len(items)]
        pairs.append((ident, recolor(real, m, rng, d[1].astype(np.float32) / 255.0, None), real, m, "v1"))
    return save_set(path, pairs)


def save_set(path, pairs):
    """Stores (id, composite, target, mask, kind) float pairs as a uint8 set (comp/real/mask/ids/kind) at path."""
    u8 = lambda x: np.round(np.asarray(x) * 255).astype(np.uint8)  # noqa: E731
    out = {"comp": u8([p[1] for p in pairs]), "real": u8([p[2] for p in pairs]), "mask": u8([p[3] for p in pairs]),
           "ids": np.array([p[0] for p in pairs]), "kind": np.array([p[4] for p in pairs])}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp.npz"
    np.savez_compressed(tmp, **out)
    os.replace(tmp, path)
    return out


def to_tensors(val, idx=None):
    import torch
    sl = slice(None) if idx is None else idx
    c = torch.from_numpy(val["comp"][sl].astype(np.float32) / 255.0).permute(0, 3, 1, 2).contiguous()
    r = torch.from_numpy(val["real"][sl].astype(np.float32) / 255.0).permute(0, 3, 1, 2).contiguous()
    m = torch.from_numpy((val["mask"][sl] > 127).astype(np.float32))[:, None].contiguous()
    return c, m, r


# ----------------------------------------------------------------------------------------------- iHarmony4
class IHarmony4:
    """Real iHarmony4 layout: DIR/IHD_train.txt, IHD_test.txt; composite_images/X_Y_Z.jpg, masks/X_Y.png,
    real_images/X.jpg (lines may carry a sub-dataset prefix such as HCOCO/composite_images/...)."""

    def __init__(self, root, split="train", seed=0):
        self.root = root
        with open(os.path.join(root, f"IHD_{split}.txt")) as f:
            self.lines = [ln.strip() for ln in f if ln.strip()]
        self.rng = np.random.default_rng(seed)

    def paths(self, line):
        rel = line if "composite_images" in line else os.path.join("composite_images", line)
        comp = os.path.join(self.root, rel)
        base = os.path.dirname(os.path.dirname(comp))
        name = os.path.splitext(os.path.basename(comp))[0]
        parts = name.split("_")
        mask = os.path.join(base, "masks", "_".join(parts[:2]) + ".png")
        real = os.path.join(base, "real_images", parts[0] + ".jpg")
        return comp, mask, real

    def load(self, i, size):
        c, m, r = self.paths(self.lines[i])
        comp = cv2.resize(cv2.imread(c)[:, :, ::-1], (size, size), interpolation=cv2.INTER_AREA)
        real = cv2.resize(cv2.imread(r)[:, :, ::-1], (size, size), interpolation=cv2.INTER_AREA)
        mask = cv2.resize(cv2.imread(m, cv2.IMREAD_GRAYSCALE), (size, size), interpolation=cv2.INTER_LINEAR)
        return comp.astype(np.float32) / 255, (mask > 127).astype(np.float32), real.astype(np.float32) / 255

    def batch(self, n, size):
        out = []
        for _ in range(n):
            comp, m, real = self.load(self.rng.integers(len(self.lines)), size)
            if self.rng.random() < 0.5:
                comp, m, real = comp[:, ::-1], m[:, ::-1], real[:, ::-1]
            out.append((comp, m, real))
        return stack_pairs(out)

    def as_val(self, size=256, limit=None):
        n = len(self.lines) if limit is None else min(limit, len(self.lines))
        cs, ms, rs = zip(*[self.load(i, size) for i in range(n)])
        return {"comp": np.round(np.stack(cs) * 255).astype(np.uint8),
                "real": np.round(np.stack(rs) * 255).astype(np.uint8),
                "mask": (np.stack(ms) * 255).astype(np.uint8), "ids": np.array(self.lines[:n])}
