"""Shared test models."""
import torch

from training import hdnet


def randomised_lite(seed=1):
    """HDNet-lite whose every parameter is perturbed: its output depends on all modules (the output conv starts at
    zero), and every tensor is distinct (the exporter shares bit-identical constants such as zero biases)."""
    torch.manual_seed(seed)
    model = hdnet.build("hdnet-lite").eval()
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    return model


def sample(h=64, w=96, b=1, seed=0):
    """A random composite with a rectangular object in the middle third."""
    g = torch.Generator().manual_seed(seed)
    comp = torch.rand(b, 3, h, w, generator=g)
    mask = torch.zeros(b, 1, h, w)
    mask[:, :, h // 4:h // 4 + h // 2, w // 3:w // 3 + w // 3] = 1
    return comp, mask


def perturbed(name="hdnet-ct", seed=0):
    """Every parameter moved: the network's own change (no dead zone, which would drop such small changes)."""
    torch.manual_seed(seed)
    model = hdnet.build(name, dead_zone=0.0)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    return model.eval()
