"""iHarmony4-protocol metrics on the 0..255 scale, per image: MSE, PSNR (data range 255), fMSE."""
import numpy as np
import torch


def per_image(pred, real, mask):
    """pred/real [B,3,H,W] 0..1, mask [B,1,H,W] 0/1 -> dict of numpy arrays (one value per image)."""
    p = pred.detach().double() * 255.0
    r = real.detach().double() * 255.0
    m = (mask.detach() > 0.5).double()
    se = (p - r) ** 2
    mse = se.mean(dim=(1, 2, 3))
    psnr = 10 * torch.log10(255.0 ** 2 / mse.clamp_min(1e-10))
    fmse = (se * m).sum(dim=(1, 2, 3)) / (3 * m.sum(dim=(1, 2, 3))).clamp_min(1)
    ratio = m.mean(dim=(1, 2, 3))
    return {"mse": mse.numpy(), "psnr": psnr.numpy(), "fmse": fmse.numpy(), "fg_ratio": ratio.numpy()}


def summarize(d):
    return {k: float(np.mean(d[k])) for k in ("mse", "psnr", "fmse")}


def cat(ds):
    return {k: np.concatenate([d[k] for d in ds]) for k in ds[0]}
