"""The forms written for a small, fast exported graph compute what their definitions say, and the layout pass only
adds identity convolutions where it should."""
import numpy as np
import pytest
import torch

from training import export
from training import hdnet
from training import onnx_layout


def soft_mask(b=2, h=12, w=16):
    torch.manual_seed(3)
    m = torch.zeros(b, 1, h, w)
    m[:, :, 3:9, 4:12] = 1.0
    return (0.8 * m + 0.2 * torch.rand(b, 1, h, w)).clamp(0, 1)


def test_region_norm_is_the_rain_normalisation():
    torch.manual_seed(0)
    rn = hdnet.RegionNorm(6)
    with torch.no_grad():
        rn.gamma.normal_(1, 0.3)
        rn.beta.normal_(0, 0.3)
    x, m = torch.randn(2, 6, 12, 16) * 2 + 1, soft_mask()
    mu_f, sd_f = hdnet.masked_mean_std(x, m, eps=1e-2)
    mu_b, sd_b = hdnet.masked_mean_std(x, 1 - m, eps=1e-2)
    fg = (x - mu_f) * torch.clamp(sd_b / sd_f, 0.25, 4.0) + mu_b
    expected = (m * fg + (1 - m) * x) * rn.gamma + rn.beta
    assert torch.allclose(rn(x, m), expected, atol=1e-5)


def test_mgd_blends_the_foreground_and_background_kernels_by_the_mask():
    torch.manual_seed(1)
    mgd = hdnet.MGD(5)
    for head in (mgd.head_f, mgd.head_b):
        torch.nn.init.normal_(head[2].weight, std=0.3)
    x, m = torch.randn(2, 5, 12, 16), soft_mask()
    pf = (x * m).sum(dim=(2, 3)) / (m.sum(dim=(2, 3)) + 1e-5)
    pb = (x * (1 - m)).sum(dim=(2, 3)) / ((1 - m).sum(dim=(2, 3)) + 1e-5)
    z = torch.cat([pf, pb], 1)
    kf = torch.tanh(mgd.head_f(z)).reshape(2, 5, 5) / 5 ** 0.5
    kb = torch.tanh(mgd.head_b(z)).reshape(2, 5, 5) / 5 ** 0.5
    yf = torch.einsum("bij,bjhw->bihw", kf, x)
    yb = torch.einsum("bij,bjhw->bihw", kb, x)
    assert torch.allclose(mgd(x, m), x + m * yf + (1 - m) * yb, atol=1e-5)


def test_inverse3_inverts_every_matrix_of_a_batch():
    torch.manual_seed(2)
    a = torch.randn(6, 3, 3, dtype=torch.float64) + 2 * torch.eye(3, dtype=torch.float64)
    assert torch.allclose(hdnet.inverse3(a), torch.linalg.inv(a), atol=1e-12)


@pytest.fixture(scope="module")
def exported_ct(tmp_path_factory):
    import onnx
    torch.manual_seed(0)
    model = hdnet.build("hdnet-ct").eval()
    path = str(tmp_path_factory.mktemp("ct") / "ct.onnx")
    export.export_hdnet(model, "hdnet-ct", path, "0.0.1", "test")
    return onnx.load(path)


def test_every_upsampling_before_a_convolution_reads_a_blocked_identity_convolution(exported_ct):
    from onnx import numpy_helper
    g = exported_ct.graph
    producer = {o: n for n in g.node for o in n.output}
    inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    nearest = [n for n in g.node if n.op_type == "Resize" and onnx_layout.is_nearest(n)]
    assert len(nearest) == 3  # the decoder's three upsamplings
    for resize in nearest:
        conv = producer[resize.input[0]]
        assert conv.op_type == "Conv" and conv.name.endswith(onnx_layout.IDENTITY_SUFFIX)
        w = inits[conv.input[1]]
        assert np.array_equal(w[:, :, 0, 0], np.eye(w.shape[0], dtype=np.float32))
        assert producer[conv.input[0]].op_type != "Conv"


def test_the_layout_pass_adds_nothing_the_second_time(exported_ct):
    import copy
    om = copy.deepcopy(exported_ct)
    assert onnx_layout.reorder_before_upsample(om) == 0
    assert len(om.graph.node) == len(exported_ct.graph.node)
