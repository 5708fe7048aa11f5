"""S2CRNet: spatial-separated embeddings of the masked foreground and the background thumbnails, and a curve
rendering head predicting per-channel monotone colour curves (L control points) for the foreground.

Export output: curves [1,3,L], value of channel c's curve at x = i/(L-1), in 0..1, monotone non-decreasing.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

CURVE_POINTS = 32
THUMB = 64  # training thumbnail size (export accepts any multiple of 8)


class Encoder(nn.Module):
    """Light shared encoder: strided convs + masked global average pooling."""

    def __init__(self, width=16):
        super().__init__()
        w = width
        self.net = nn.Sequential(
            nn.Conv2d(4, w, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(w, 2 * w, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(2 * w, 4 * w, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(4 * w, 8 * w, 3, 1, 1), nn.LeakyReLU(0.2, inplace=True))
        self.out_ch = 8 * w

    def forward(self, img, region):
        f = self.net(torch.cat([img * region * 2 - 1, region], 1))
        r = F.avg_pool2d(region, 8)
        return (f * r).sum(dim=(2, 3)) / (r.sum(dim=(2, 3)) + 1e-5)


def region_stats(img, region):
    """Masked per-channel mean and std (6 values) of an RGB image."""
    s = region.sum(dim=(2, 3)) + 1e-5
    mu = (img * region).sum(dim=(2, 3)) / s
    var = ((img - mu[:, :, None, None]) ** 2 * region).sum(dim=(2, 3)) / s
    return torch.cat([mu, torch.sqrt(var + 1e-6)], 1)


class S2CRNet(nn.Module):
    def __init__(self, width=16, points=CURVE_POINTS):
        super().__init__()
        self.points = points
        self.enc_fg = Encoder(width)
        self.enc_bg = Encoder(width)
        d = 2 * self.enc_fg.out_ch + 12
        self.head = nn.Sequential(nn.Linear(d, 256), nn.LeakyReLU(0.2, inplace=True),
                                  nn.Linear(256, 3 * points + 6))
        nn.init.zeros_(self.head[2].weight)
        with torch.no_grad():
            self.head[2].bias.zero_()
            self.head[2].bias[3 * points:3 * points + 3] = -4.0  # low end offset ~0
            self.head[2].bias[3 * points + 3:] = 4.0  # span ~1

    def curves(self, thumb, tmask):
        b = thumb.shape[0]
        bgm = 1.0 - tmask
        z = torch.cat([self.enc_fg(thumb, tmask), self.enc_bg(thumb, bgm),
                       region_stats(thumb, tmask), region_stats(thumb, bgm)], 1)
        raw = self.head(z)
        L = self.points
        inc = F.softplus(raw[:, :3 * L].reshape(b, 3, L) + 0.5413)  # softplus(0.5413) = 1
        cum = torch.cumsum(inc, dim=2)
        first = cum[:, :, :1]
        cum = (cum - first) / (cum[:, :, -1:] - first + 1e-6)  # 0..1, monotone
        lo = torch.sigmoid(raw[:, 3 * L:3 * L + 3]).unsqueeze(2) * 0.5
        span = (1 - lo) * torch.sigmoid(raw[:, 3 * L + 3:]).unsqueeze(2)
        return lo + span * cum  # [B,3,L]

    def forward(self, composite, mask):
        return self.curves(composite, mask)


def apply_curves(img, curves):
    """Differentiable piecewise-linear application of curves [B,3,L] to img [B,3,H,W] in 0..1."""
    b, c, h, w = img.shape
    L = curves.shape[2]
    pos = img.clamp(0, 1).reshape(b, c, -1) * (L - 1)
    i0 = pos.floor().clamp(0, L - 2)
    frac = pos - i0
    i0 = i0.long()
    v0 = torch.gather(curves, 2, i0)
    v1 = torch.gather(curves, 2, i0 + 1)
    return (v0 + (v1 - v0) * frac).reshape(b, c, h, w)


def harmonize(model, composite, mask, thumb=THUMB):
    """Full forward for training/eval: thumbnails -> curves -> applied to the foreground."""
    t = F.interpolate(composite, size=(thumb, thumb), mode="bilinear", align_corners=False)
    tm = F.interpolate(mask, size=(thumb, thumb), mode="bilinear", align_corners=False)
    cv = model(t, tm)
    return mask * apply_curves(composite, cv) + (1 - mask) * composite, cv


def n_params(model):
    return sum(p.numel() for p in model.parameters())


if __name__ == "__main__":
    print("s2crnet", n_params(S2CRNet()))
