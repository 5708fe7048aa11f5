"""HDNet / HDNet-lite: U-Net with Local Dynamic (LD) and Mask-aware Global Dynamic (MGD) modules.

Input: composite RGB 0..1 [B,3,H,W], mask 0..1 [B,1,H,W], k (int64 [1] or int).
Output: harmonized [B,3,H,W] 0..1, knn_index [B,N,k] int64, knn_weight [B,N,k] float32,
N = (H/8)*(W/8) bottleneck cells (row-major). Rows of background cells are zero.

Memory: the LD similarity matrix is (#fg cells) x (#bg cells), built from gathered rows
(NonZero + Gather in ONNX), never N x N.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_K = 9
FG_THRESHOLD = 0.5


class _TopK(torch.autograd.Function):
    """torch.topk whose ONNX export keeps K as a graph input (opset >= 10 TopK takes K as a tensor)."""

    @staticmethod
    def forward(ctx, x, k):
        vals, idx = torch.topk(x, int(k.reshape(-1)[0]), dim=-1, largest=True, sorted=True)
        ctx.save_for_backward(idx)
        ctx.shape = x.shape
        return vals, idx

    @staticmethod
    def backward(ctx, gvals, gidx):
        (idx,) = ctx.saved_tensors
        g = torch.zeros(ctx.shape, dtype=gvals.dtype, device=gvals.device)
        g.scatter_add_(-1, idx, gvals)
        return g, None

    @staticmethod
    def symbolic(g, x, k):
        k1 = g.op("Reshape", k, g.op("Constant", value_t=torch.tensor([1], dtype=torch.int64)))
        return g.op("TopK", x, k1, axis_i=-1, largest_i=1, sorted_i=1, outputs=2)


def topk_dynamic(x, k):
    if torch.onnx.is_in_onnx_export():
        return _TopK.apply(x, k)
    kk = int(k.reshape(-1)[0]) if torch.is_tensor(k) else int(k)
    return torch.topk(x, kk, dim=-1, largest=True, sorted=True)


def conv3(cin, cout, stride=1):
    return nn.Conv2d(cin, cout, 3, stride, 1)


class ConvAct(nn.Sequential):
    def __init__(self, cin, cout, stride=1):
        super().__init__(conv3(cin, cout, stride), nn.LeakyReLU(0.2, inplace=True))


class ResBlock(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.c1 = conv3(ch, ch)
        self.c2 = conv3(ch, ch)
        nn.init.zeros_(self.c2.weight)
        nn.init.zeros_(self.c2.bias)

    def forward(self, x):
        return x + self.c2(F.leaky_relu(self.c1(x), 0.2))


def masked_mean_std(x, m, eps=1e-5):
    """Per-channel mean/std of x over the weight map m. x [B,C,H,W], m [B,1,H,W]."""
    s = m.sum(dim=(2, 3), keepdim=True) + eps
    mu = (x * m).sum(dim=(2, 3), keepdim=True) / s
    var = ((x - mu) ** 2 * m).sum(dim=(2, 3), keepdim=True) / s
    return mu, torch.sqrt(var + eps)


def region_weights(m):
    """[B,N,2]: the weight maps m (foreground) and 1 - m (background) of [B,1,H,W] as the columns of one matrix, so
    that a single matrix product gives a feature map's sums over both regions."""
    return torch.cat([m, 1.0 - m], 1).flatten(2).transpose(1, 2)


class RegionNorm(nn.Module):
    """Region-aware normalisation (RAIN-style): fg features normalised by fg stats, re-scaled with bg stats.

    Written for few passes over the feature map (it runs at half and quarter resolution): both regions' sums of x and
    x^2 come from two matrix products, and the result is the same function rewritten as x (gamma + m a) + (beta +
    m b) with per-channel a, b."""

    EPS = 1e-2

    def __init__(self, ch):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(1, ch, 1, 1))
        self.beta = nn.Parameter(torch.zeros(1, ch, 1, 1))

    def forward(self, x, m):
        flat = x.flatten(2)  # [B,C,N]
        w = region_weights(m)
        n = w.sum(1, keepdim=True) + self.EPS  # [B,1,2]
        mu = torch.matmul(flat, w) / n  # [B,C,2] (fg, bg) means, as masked_mean_std computes them
        # masked_mean_std's variance sum w (x - mu)^2 / n, expanded: E[x^2] - mu^2 (1 + eps / n)
        var = torch.clamp(torch.matmul(flat * flat, w) / n - mu * mu * (1.0 + self.EPS / n), min=0.0)
        sd = torch.sqrt(var + self.EPS).unsqueeze(3)  # [B,C,2,1]
        mu = mu.unsqueeze(3)
        ratio = torch.clamp(sd[:, :, 1:] / sd[:, :, :1], 0.25, 4.0)  # bounded re-scaling keeps training stable
        # m ((x - mu_f) ratio + mu_b) + (1 - m) x, then the affine: x gamma + beta + m gamma (x (ratio - 1) + b0)
        a = self.gamma * (ratio - 1.0)
        b0 = self.gamma * (mu[:, :, 1:] - mu[:, :, :1] * ratio)
        return x * (self.gamma + m * a) + (self.beta + m * b0)


class MGD(nn.Module):
    """Mask-aware global dynamic module: per-image dynamic 1x1 kernels (fg and bg) predicted from masked-pooled
    features, applied to the whole map with batched matmul and blended by the mask (residual):
    x + m Kf x + (1 - m) Kb x, computed as (I + Kb) x + m (Kf - Kb) x."""

    HIDDEN = 28

    def __init__(self, ch):
        super().__init__()
        self.ch = ch
        self.head_f = nn.Sequential(nn.Linear(2 * ch, self.HIDDEN), nn.LeakyReLU(0.2, inplace=True),
                                    nn.Linear(self.HIDDEN, ch * ch))
        self.head_b = nn.Sequential(nn.Linear(2 * ch, self.HIDDEN), nn.LeakyReLU(0.2, inplace=True),
                                    nn.Linear(self.HIDDEN, ch * ch))
        for h in (self.head_f, self.head_b):
            nn.init.normal_(h[2].weight, std=0.01)
            nn.init.zeros_(h[2].bias)

    def forward(self, x, m):
        b, c = x.shape[0], self.ch
        flat = x.flatten(2)  # [B,C,N]
        w = region_weights(m)
        pooled = torch.matmul(flat, w) / (w.sum(1, keepdim=True) + 1e-5)  # [B,C,2] fg, bg means
        z = pooled.transpose(1, 2).flatten(1)  # [pf, pb]
        scale = 1.0 / math.sqrt(c)
        kf = torch.tanh(self.head_f(z)).reshape(b, c, c) * scale  # bounded dynamic kernels
        kb = torch.tanh(self.head_b(z)).reshape(b, c, c) * scale
        eye = torch.eye(c, dtype=x.dtype, device=x.device)
        out = torch.matmul(kb + eye, flat) + m.flatten(2) * torch.matmul(kf - kb, flat)
        return out.view_as(x)


def cell_positions(plane):
    """[H*W, 2] (row, column) of each cell of an [H, W] plane divided by max(H, W): 0..1, the aspect kept. Built with
    cumulative sums so the ONNX graph keeps H and W dynamic."""
    ones = plane * 0 + 1
    yy = torch.cumsum(ones, 0) - 1
    xx = torch.cumsum(ones, 1) - 1
    side = torch.maximum(yy.max(), xx.max()) + 1
    return torch.stack([yy.reshape(-1), xx.reshape(-1)], 1) / side


class LocalDynamic(nn.Module):
    """LD module: for each fg bottleneck cell, cosine top-K over bg cells only, softmax-weighted bg reference,
    concat + learned 1x1 fusion, written back at fg positions only.

    With `position` the similarity is cos(f, g) - lambda * |p - q|^2 (p, q the cells' positions in 0..1, lambda
    learned): among similar cells the near ones win, so the object takes the light of where it stands. Given cell
    colours (`col`, [C', N]) the same weights also average the matched cells' colours into a per-cell colour
    reference (the light of the K matched neighbours), returned for the decoder."""

    def __init__(self, ch, position=False):
        super().__init__()
        self.fuse = nn.Linear(2 * ch, ch)  # learned 1x1 fusion on the gathered fg cells [nF, 2C]
        self.log_temp = nn.Parameter(torch.tensor(math.log(10.0)))
        self.pos_raw = nn.Parameter(torch.tensor(0.5)) if position else None

    def temperature(self):
        """Softmax temperature over the K similarities, learned in log space and clamped to e^-2..e^3.5."""
        return torch.clamp(self.log_temp, -2.0, 3.5).exp()

    def position_weight(self):
        """lambda of the position term (softplus of a learned value; 0 without position)."""
        return F.softplus(self.pos_raw) if self.pos_raw is not None else None

    def forward_single(self, f, fgmask, k, pos=None, col=None):
        """f [C,N] features of one image, fgmask [N] bool, pos [N,2] cell positions, col [C',N] cell colours.
        Returns (new f [C,N], idx [N,k], w [N,k], colour reference [C',N] or None)."""
        c = f.shape[0]
        n = f.shape[1]
        fg_idx = torch.nonzero(fgmask).reshape(-1)
        bg_idx = torch.nonzero(~fgmask).reshape(-1)
        ft = f.transpose(0, 1)  # [N,C]
        fg = ft.index_select(0, fg_idx)  # [nF,C]
        bg = ft.index_select(0, bg_idx)  # [nB,C]
        fgn = fg / torch.sqrt((fg * fg).sum(1, keepdim=True) + 1e-4)  # cosine (smooth-eps normalisation)
        bgn = bg / torch.sqrt((bg * bg).sum(1, keepdim=True) + 1e-4)
        # Padding is done on the small feature matrices so the big (#fg x #bg) similarity is produced by ONE MatMul
        # and never copied: an extra coordinate gives real bg cells +0 (or -lambda |q|^2) and MAX_K dummy bg cells
        # -1e4 (so K <= 9 is always valid); a leading dummy fg row keeps TopK non-empty (ONNX Runtime crashes on
        # TopK of [0, n]). The position term -lambda |p - q|^2 = 2 lambda p.q - lambda |p|^2 - lambda |q|^2 rides on
        # three more coordinates.
        one_f = fgn[:, :1] * 0 + 1
        zero_b = bgn[:, :1] * 0
        if pos is None:
            fg_aug = torch.cat([fgn, one_f], 1)  # [nF, C+1]
            bg_aug = torch.cat([bgn, zero_b], 1)  # [nB, C+1]
        else:
            lam = self.position_weight()
            pf, pb = pos.index_select(0, fg_idx), pos.index_select(0, bg_idx)
            fg_aug = torch.cat([fgn, 2 * lam * pf, -lam * (pf * pf).sum(1, keepdim=True), one_f], 1)
            bg_aug = torch.cat([bgn, pb, zero_b + 1, -lam * (pb * pb).sum(1, keepdim=True)], 1)
        d = fg_aug.shape[1]
        fg_aug = torch.cat([torch.zeros(1, d, dtype=f.dtype, device=f.device), fg_aug], 0)  # [1+nF, d]
        dummy = torch.cat([torch.zeros(MAX_K, d - 1, dtype=f.dtype, device=f.device),
                           torch.full((MAX_K, 1), -1e4, dtype=f.dtype, device=f.device)], 1)
        bg_aug = torch.cat([bg_aug, dummy], 0)  # [nB+9, d]
        bg_p = torch.cat([bg, torch.zeros(MAX_K, c, dtype=f.dtype, device=f.device)], 0)
        bg_idx_p = torch.cat([bg_idx, torch.zeros(MAX_K, dtype=bg_idx.dtype, device=f.device)], 0)
        sim = torch.matmul(fg_aug, bg_aug.transpose(0, 1))  # [1+nF, nB+9]  fg x bg only
        vals, sel = topk_dynamic(sim, k)  # [1+nF,k]
        vals, sel = vals[1:], sel[1:]
        w = torch.softmax(vals * self.temperature(), dim=1)
        kk = sel.shape[1]
        nbr = bg_p[sel]  # [nF,k,C]
        ref = (w.unsqueeze(2) * nbr).sum(1)  # [nF,C]
        fused = self.fuse(torch.cat([fg, ref], 1)) + fg  # residual fusion
        out = ft.index_put((fg_idx,), fused)  # write back to fg rows only
        grid_idx = bg_idx_p[sel]
        full_idx = torch.zeros(n, kk, dtype=torch.int64, device=f.device).index_put((fg_idx,), grid_idx)
        full_w = torch.zeros(n, kk, dtype=f.dtype, device=f.device).index_put((fg_idx,), w)
        cref = kdiff = None
        if col is not None:
            ct = col.transpose(0, 1)  # [N,C']
            cb = torch.cat([ct.index_select(0, bg_idx), torch.zeros(MAX_K, ct.shape[1], dtype=f.dtype,
                                                                     device=f.device)], 0)
            cfg = (w.unsqueeze(2) * cb[sel]).sum(1)  # [nF,C'] the matched neighbours' colour
            cref = ct.index_put((fg_idx,), cfg).transpose(0, 1)
            # K-neighbour light: over the object's cells, the mean difference between the K matches' colour and the
            # single best match's (the reference at K = 1); 0 at K = 1 and for an object without a whole cell
            best = sel[:, 0]  # TopK sorts: its first match is the best one
            kdiff = (cfg - cb.index_select(0, best)).sum(0) / (fg_idx.shape[0] + 1e-5)
        return out.transpose(0, 1), full_idx, full_w, (cref, kdiff)

    def forward(self, x, m8, k, col=None):
        b, c = x.shape[0], x.shape[1]
        flat = x.reshape(b, c, -1)
        fgm = (m8 > FG_THRESHOLD).reshape(b, -1)
        pos = None
        if self.pos_raw is not None:
            pos = cell_positions(x[0, 0])
        cflat = col.reshape(b, col.shape[1], -1) if col is not None else None
        outs, idxs, ws, crefs, kdiffs = [], [], [], [], []
        for i in range(b):
            o, ix, wt, (cr, kd) = self.forward_single(flat[i], fgm[i], k, pos, cflat[i] if cflat is not None else None)
            outs.append(o)
            idxs.append(ix)
            ws.append(wt)
            crefs.append(cr)
            kdiffs.append(kd)
        refs = None
        if col is not None:  # (colour reference [B,C',h,w], K-neighbour light [B,C',1,1])
            refs = torch.stack(crefs).reshape(col.shape), torch.stack(kdiffs).reshape(b, col.shape[1], 1, 1)
        return torch.stack(outs).reshape(x.shape), torch.stack(idxs), torch.stack(ws), refs


class HDNet(nn.Module):
    """HDNet generator. width=32 -> HDNet (~10.4 M params), width=8 -> HDNet-lite (~0.65 M).

    head="pixel" is the paper's network (a per-pixel residual in the tanh domain). head="transform" (HDNet-CT) predicts
    per-pixel colour transforms instead, as PCT-Net does: out = A(x) c + b(x), where A, b = identity + a learned
    share alpha(x) of the Lab-statistics-like transfer (the foreground's RGB mean/std moved to the background's) + a
    learned affine residual. The network thus decides how far to move towards the statistics, and a colour transform
    keeps the object's texture. With light_ref, LD's weights also average the matched cells' log colours; their
    difference from the background's mean (the local light the K neighbours show) enters the decoder and the head.
    With k_light the result is re-lit by how the K matches' light differs from the single best match's (relight):
    K = 1 is the network's own result, a larger K draws the object's light from more of the scene.
    With dead_zone > 0 (levels of 0..255) inference applies dead_zone(): a change too small to see is not made.
    head_stride = 2 predicts the transform on a grid of half the resolution (as PCT-Net does at low resolution) and
    upsamples its coefficients bilinearly: the full-resolution part of the head is then only the per-pixel apply.
    With global_fit inference corrects the object by the one colour map that reproduces the network's transform best
    (_one_colour_map): the network's spatial variations inside the object were found to be mostly error. There,
    chroma_gain scales the colour part of the correction (scale_chroma) before the dead zone."""

    def __init__(self, width=32, n_res=6, use_ld=True, use_mgd=True, head="pixel", light_ref=False, k_light=False,
                 dead_zone=0.0, head_stride=1, global_fit=False, chroma_gain=1.0):
        super().__init__()
        c = width
        self.width, self.n_res, self.use_ld, self.use_mgd = width, n_res, use_ld, use_mgd
        self.head, self.light_ref = head, light_ref and use_ld
        self.k_light = k_light and self.light_ref
        self.dead_zone = float(dead_zone)
        self.global_fit = bool(global_fit) and head == "transform"
        self.chroma_gain = float(chroma_gain)
        self.fit_in_training = False  # train.py --fit-in-loop: training sees the global fit's result too
        self.head_stride = int(head_stride) if head == "transform" else 1
        self.enc0 = nn.Sequential(ConvAct(4, c), ConvAct(c, c))
        self.enc1 = nn.Sequential(ConvAct(c, 2 * c, 2), ConvAct(2 * c, 2 * c))
        self.enc2 = nn.Sequential(ConvAct(2 * c, 4 * c, 2), ConvAct(4 * c, 4 * c))
        self.enc3 = nn.Sequential(ConvAct(4 * c, 8 * c, 2), ConvAct(8 * c, 8 * c))
        self.res = nn.Sequential(*[ResBlock(8 * c) for _ in range(n_res)])
        self.ld = LocalDynamic(8 * c, position=self.light_ref) if use_ld else None
        self.up2 = ConvAct(8 * c, 4 * c)
        self.dec2 = ConvAct(8 * c, 4 * c)
        self.rn2 = RegionNorm(4 * c)
        self.mgd2 = MGD(4 * c) if use_mgd else None
        self.up1 = ConvAct(4 * c, 2 * c)
        self.dec1 = ConvAct(4 * c, 2 * c)
        self.rn1 = RegionNorm(2 * c)
        self.mgd1 = MGD(2 * c) if use_mgd else None
        self.up0 = ConvAct(2 * c, c)
        self.dec0 = ConvAct(2 * c, c)
        if self.light_ref:  # the light reference added into the decoder (zero at the start: a trained lite's function)
            self.light2 = nn.Conv2d(3, 4 * c, 1)
            self.light1 = nn.Conv2d(3, 2 * c, 1)
            for conv in (self.light2, self.light1):
                nn.init.zeros_(conv.weight)
                nn.init.zeros_(conv.bias)
        extra = 3 if self.light_ref else 0
        self.out = nn.Conv2d(c + extra, 3 if head == "pixel" else TRANSFORM_CHANNELS, 3, 1, 1)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    @staticmethod
    def _up(x):
        return F.interpolate(x, scale_factor=2.0, mode="nearest")

    def forward(self, composite, mask, k):
        m1 = mask
        m2 = F.avg_pool2d(m1, 2)
        m4 = F.avg_pool2d(m2, 2)
        m8 = F.avg_pool2d(m4, 2)
        x = torch.cat([composite * 2 - 1, mask], 1)
        e0 = self.enc0(x)
        e1 = self.enc1(e0)
        e2 = self.enc2(e1)
        e3 = self.enc3(e2)
        b = self.res(e3)
        light = kdiff = None
        if self.ld is not None:
            col = log_colour(F.avg_pool2d(composite, 8)) if self.light_ref else None
            b, knn_idx, knn_w, refs = self.ld(b, m8, k, col)
            if refs is not None:
                cref, kdiff = refs
                bg8 = (m8 <= FG_THRESHOLD).to(b.dtype)
                bg_mean = (col * bg8).sum(dim=(2, 3), keepdim=True) / (bg8.sum(dim=(2, 3), keepdim=True) + 1e-5)
                light = (cref - bg_mean) * (1 - bg8)  # fg cells: their neighbours' light against the bg's mean
        else:
            b, knn_idx, knn_w = self._no_knn(b, k)
        d2 = self.dec2(torch.cat([self.up2(self._up(b)), e2], 1))
        if light is not None:
            d2 = d2 + self.light2(F.interpolate(light, scale_factor=2.0, mode="bilinear", align_corners=False))
        d2 = self.rn2(d2, m4)
        if self.mgd2 is not None:
            d2 = self.mgd2(d2, m4)
        d1 = self.dec1(torch.cat([self.up1(self._up(d2)), e1], 1))
        if light is not None:
            d1 = d1 + self.light1(F.interpolate(light, scale_factor=4.0, mode="bilinear", align_corners=False))
        d1 = self.rn1(d1, m2)
        if self.mgd1 is not None:
            d1 = self.mgd1(d1, m2)
        d0 = self.dec0(torch.cat([self.up0(self._up(d1)), e0], 1))
        if self.head_stride > 1:  # the transform's coefficients are smooth: predicted on a coarser grid
            d0 = F.avg_pool2d(d0, self.head_stride)
        if light is not None:
            d0 = torch.cat([d0, F.interpolate(light, scale_factor=8.0 / self.head_stride, mode="bilinear",
                                              align_corners=False)], 1)
        raw = self.out(d0)
        if self.global_fit and (self.fit_in_training or not self.training):  # else training learns the per-pixel
            return self._one_colour_map(raw, composite, mask, kdiff), knn_idx, knn_w  # transform itself
        if self.head_stride > 1:
            raw = F.interpolate(raw, scale_factor=float(self.head_stride), mode="bilinear", align_corners=False)
        if self.head == "pixel":
            # tanh output mapped to 0..1, as a residual in the tanh-logit domain of the composite (identity at init).
            cc = torch.clamp(composite * 2 - 1, -0.995, 0.995)
            logit = 0.5 * torch.log((1 + cc) / (1 - cc))  # atanh (no ONNX op in opset 17 exporter)
            pred = (torch.tanh(raw + logit) + 1) * 0.5
        else:
            pred = apply_transform(raw, composite, mask)
        if self.k_light:
            pred = relight(pred, kdiff)
        if self.dead_zone > 0 and not self.training:  # training learns the network's own change
            pred = dead_zone(pred, composite, mask, self.dead_zone)
        harmonized = mask * pred + (1 - mask) * composite
        return harmonized, knn_idx, knn_w

    def _one_colour_map(self, raw, composite, mask, kdiff):
        """Inference with the global fit: the network's transform is evaluated on the grid its coefficients are
        predicted on (composite and mask average-pooled to it), the one colour map that reproduces it best is fitted
        there (fit_colour_map) and applied at full resolution, with the dead zone measured on the grid too. Nothing
        per pixel but the colour map and the blend runs at full resolution."""
        s = self.head_stride
        c_s, m_s = (F.avg_pool2d(composite, s), F.avg_pool2d(mask, s)) if s > 1 else (composite, mask)
        pred_s = apply_transform(raw, c_s, m_s)
        if self.k_light:
            pred_s = relight(pred_s, kdiff)
        wt_t, shift = fit_colour_map(pred_s, c_s, m_s)
        change = self._with_gain(apply_colour_map(wt_t, shift, composite) - composite)
        if self.dead_zone > 0 and not self.training:  # the change's size, measured on the grid too
            grid = self._with_gain(apply_colour_map(wt_t, shift, c_s) - c_s)
            change = change * dead_zone_gain(c_s + grid, c_s, m_s, self.dead_zone)
        out = composite + mask * change
        return torch.clamp(out, 0.0, 1.0) if self.chroma_gain != 1.0 else out

    def _with_gain(self, change):
        """The change with its colour part scaled by chroma_gain (scale_chroma); at 1 the graph has no such step."""
        return scale_chroma(change, self.chroma_gain) if self.chroma_gain != 1.0 else change

    @staticmethod
    def _no_knn(b, k):
        n = b.shape[2] * b.shape[3]
        kk = int(k.reshape(-1)[0]) if torch.is_tensor(k) else int(k)
        z = torch.zeros(b.shape[0], n, kk, device=b.device)
        return b, z.long(), z


DEAD_ZONE = 7.5  # levels: HDNet-CT's inference leaves an object alone when it would change it by less (RMS)
CHROMA_GAIN = 1.25  # HDNet-CT's inference: the colour part of its one colour map, scaled (scale_chroma)
TRANSFORM_CHANNELS = 13  # alpha, 3x3 matrix residual, 3 offsets
ALPHA_BIAS = -5.0  # alpha = sigmoid(raw - 5): ~0.007 at the start, so the untrained head is nearly the identity


def log_colour(x):
    return torch.log(x + 0.02)


def relight(x, gain):
    """x 0..1 scaled by exp(gain) in the log-colour domain (log(x + 0.02)) of the light reference: the K-neighbour
    light, one RGB gain [B,3,1,1] for the whole object (how its K matches' light differs from its best match's)."""
    return torch.clamp((x + 0.02) * torch.exp(gain) - 0.02, 0.0, 1.0)


def scale_chroma(change, gain):
    """A colour change [B,3,H,W] with its chroma (what differs between R, G and B) scaled by gain and its grey part
    (the channels' mean, the change in brightness) kept."""
    grey = change.mean(dim=1, keepdim=True)
    return grey + gain * (change - grey)


def dead_zone(pred, composite, mask, tau):
    """Do no harm: the object's change composite -> pred scaled by g = max(0, 1 - (tau / r)^6), r its RMS change over
    the object in levels of 0..255. A change under tau (7.5 levels, about one just-noticeable difference) is dropped and
    the object is left as it is; g rises steeply and continuously above it (0.67 at 1.2 tau, 0.91 at 1.5 tau, 0.98 at
    2 tau), so real corrections stay whole. One gain per object: the change keeps its direction and texture."""
    return composite + dead_zone_gain(pred, composite, mask, tau) * (pred - composite)


def dead_zone_gain(pred, composite, mask, tau):
    """The dead zone's share g [B,1,1,1] of the change composite -> pred that is kept (see dead_zone)."""
    d = (pred - composite) * 255.0
    area = 3.0 * mask.sum(dim=(1, 2, 3), keepdim=True) + 1e-5
    msd = (d * d * mask).sum(dim=(1, 2, 3), keepdim=True) / area  # r^2
    return torch.clamp(1.0 - (tau * tau / (msd + 1e-6)) ** 3, min=0.0)


FIT_RIDGE = 1e-4  # per-pixel colour variance (0..1 units) pulling the fitted transform towards the identity


def _cofactor_indices():
    """Flat indices (into a row-major 3x3 matrix) of the four factors of each adjugate entry: adj[i, j] =
    a[j+1, i+1] a[j+2, i+2] - a[j+1, i+2] a[j+2, i+1], indices mod 3."""
    at = lambda r, c: 3 * (r % 3) + c % 3  # noqa: E731
    return [torch.tensor([at(j + dr, i + dc) for i in range(3) for j in range(3)])
            for dr, dc in ((1, 1), (2, 2), (1, 2), (2, 1))]


_COFACTORS = _cofactor_indices()


def inverse3(a):
    """Inverse of a batch of 3x3 matrices [B,3,3] by cofactors (standard ONNX has no matrix inverse), written as four
    gathers so that the exported graph stays small."""
    f = a.flatten(1)  # [B,9]
    p, q, r, s = (f[:, i] for i in _COFACTORS)
    adj = p * q - r * s  # [B,9], row-major adjugate
    det = (f[:, :3] * adj[:, 0::3]).sum(1, keepdim=True)  # first row of a times first column of adj
    return (adj / det).view_as(a)


def fit_colour_map(pred, composite, mask, ridge=FIT_RIDGE):
    """The affine colour map c -> W^T c + b (per image) that best reproduces pred from the composite over the mask:
    weighted least squares, W pulled towards the identity by `ridge`. Returns (W^T [B,3,3], b [B,3,1]), float32.
    The small solve runs in float64: near-grey objects make the colour covariance nearly singular."""
    z = torch.cat([composite, pred], 1).flatten(2)
    mw = mask.flatten(2)
    n = mw.sum(2, keepdim=True) + 1e-5  # [B,1,1]
    mean = (z * mw).sum(2, keepdim=True) / n  # [B,6,1]
    zc = z - mean
    cov = (torch.matmul(zc * mw, zc.transpose(1, 2)) / n).double()  # [B,6,6]
    mean = mean.double()
    eye = torch.eye(3, dtype=cov.dtype, device=cov.device) * ridge
    # products of the small float64 matrices as sums (ONNX Runtime's MatMul is float32 only)
    wt = (inverse3(cov[:, :3, :3] + eye).unsqueeze(3) * (cov[:, :3, 3:] + eye).unsqueeze(1)).sum(2)  # [B,3in,3out]
    shift = mean[:, 3:] - (wt * mean[:, :3]).sum(1).unsqueeze(2)  # [B,3,1]
    return wt.transpose(1, 2).float(), shift.float()


def apply_colour_map(wt_t, shift, composite):
    """W^T c + b at every pixel of the composite, clamped to 0..1."""
    out = torch.matmul(wt_t, composite.flatten(2)) + shift
    return torch.clamp(out.view_as(composite), 0.0, 1.0)


def fit_global_affine(pred, composite, mask, ridge=FIT_RIDGE):
    """The object's result as one colour transform: fit_colour_map of pred applied to every pixel. An unchanged
    object stays exactly unchanged, and the correction keeps the object's texture."""
    return apply_colour_map(*fit_colour_map(pred, composite, mask, ridge), composite)


def statistics_transfer(composite, mask):
    """Per-image RGB gains s and offsets t moving the foreground's mean/std to the background's: s*c + t."""
    mu_f, sd_f = masked_mean_std(composite, mask, eps=1e-4)
    mu_b, sd_b = masked_mean_std(composite, 1 - mask, eps=1e-4)
    s = torch.clamp(sd_b / sd_f, 0.33, 3.0)
    return s, mu_b - s * mu_f


def apply_transform(raw, composite, mask):
    """The transform head's colour change: c + alpha (s c + t - c) + dA c + db, per pixel, clamped to 0..1."""
    bsz, _, h, w = raw.shape
    alpha = torch.sigmoid(raw[:, :1] + ALPHA_BIAS)
    da = raw[:, 1:10].reshape(bsz, 3, 3, h, w) * 0.1
    db = raw[:, 10:13] * 0.1
    s, t = statistics_transfer(composite, mask)
    stat = composite * s + t
    mixed = (da * composite.unsqueeze(1)).sum(2)
    return torch.clamp(composite + alpha * (stat - composite) + mixed + db, 0.0, 1.0)


VARIANTS = {"hdnet": dict(width=32), "hdnet-lite": dict(width=8),
            "hdnet-ct": dict(width=8, head="transform", light_ref=True, k_light=True, dead_zone=DEAD_ZONE,
                             head_stride=2, global_fit=True, chroma_gain=CHROMA_GAIN),
            # one residual block instead of six: the fewer-blocks speed A/B (results/ab-r1.json), not adopted
            "hdnet-ct-r1": dict(width=8, n_res=1, head="transform", light_ref=True, k_light=True, dead_zone=DEAD_ZONE,
                                head_stride=2),
            "hdnet-ct-full": dict(width=32, head="transform", light_ref=True, k_light=True, dead_zone=DEAD_ZONE,
                                  head_stride=2)}


def build(name, use_ld=True, use_mgd=True, **overrides):
    """The named variant; overrides replace its settings (dead_zone=0 gives the network's own change)."""
    if name in VARIANTS:
        return HDNet(**{**VARIANTS[name], **overrides}, use_ld=use_ld, use_mgd=use_mgd)
    raise ValueError(f"unknown HDNet variant {name!r}")


def n_params(model):
    return sum(p.numel() for p in model.parameters())


if __name__ == "__main__":
    for nm in VARIANTS:
        print(nm, n_params(build(nm)))
