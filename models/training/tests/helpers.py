"""Shared test models."""
import torch

import hdnet


def randomised_lite(seed=1):
    """HDNet-lite whose every parameter is perturbed: its output depends on all modules (the output conv starts at
    zero), and every tensor is distinct (the exporter shares bit-identical constants such as zero biases)."""
    torch.manual_seed(seed)
    model = hdnet.build("hdnet-lite").eval()
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.05)
    return model
