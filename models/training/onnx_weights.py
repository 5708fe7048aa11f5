"""Half-precision weight storage in exported ONNX files, and reading trained weights back out of them.

Storing HDNet's large initializers as float16 (each followed by a Cast to float32, which ONNX Runtime folds once at
load) halves models/hdnet.onnx without changing what the graph computes: the exporter first rounds the PyTorch
weights to float16, so the parity fixture and the file agree exactly. The same file is then the committed HDNet
checkpoint: `state_dict_from_onnx` recovers the weights for resuming training (initializer names are the
PyTorch parameter names).
"""
import numpy as np
import torch

FP16_SUFFIX = "__fp16"
MIN_ELEMENTS = 1024  # small tensors (biases, norm parameters) stay float32


def round_weights_to_fp16_(model):
    """Rounds every floating-point parameter and buffer of the model to the nearest float16 value, in place."""
    with torch.no_grad():
        for t in list(model.parameters()) + list(model.buffers()):
            if t.is_floating_point():
                t.copy_(t.half().float())
    return model


def store_initializers_fp16(om, min_elements=MIN_ELEMENTS):
    """Rewrites float32 initializers of at least min_elements values as float16 + Cast; returns how many."""
    from onnx import TensorProto, helper, numpy_helper
    g = om.graph
    casts = []
    for init in g.initializer:
        if init.data_type != TensorProto.FLOAT or int(np.prod(init.dims)) < min_elements:
            continue
        name = init.name
        half = numpy_helper.from_array(numpy_helper.to_array(init).astype(np.float16), name + FP16_SUFFIX)
        init.CopyFrom(half)
        casts.append(helper.make_node("Cast", [name + FP16_SUFFIX], [name], to=TensorProto.FLOAT,
                                      name="cast_" + name))
    nodes = casts + list(g.node)  # Casts read initializers only, so putting them first keeps the order valid
    del g.node[:]
    g.node.extend(nodes)
    return len(casts)


def state_dict_from_onnx(path, model):
    """The model's state dict filled from the initializers of an exported ONNX file (float16 ones widened)."""
    import onnx
    from onnx import numpy_helper
    found = {}
    for init in onnx.load(path).graph.initializer:
        name = init.name[:-len(FP16_SUFFIX)] if init.name.endswith(FP16_SUFFIX) else init.name
        found[name] = numpy_helper.to_array(init).astype(np.float32)
    sd = model.state_dict()
    missing = [k for k, v in sd.items() if v.is_floating_point() and k not in found]
    if missing:
        raise ValueError(f"{path}: no initializer for {len(missing)} weights, e.g. {missing[:3]}")
    wrong = [k for k, v in sd.items() if k in found and found[k].shape != tuple(v.shape)]
    if wrong:
        raise ValueError(f"{path}: {len(wrong)} weights have another shape, e.g. {wrong[0]} is "
                         f"{found[wrong[0]].shape}, expected {tuple(sd[wrong[0]].shape)} (another model?)")
    return {k: torch.from_numpy(found[k].copy()) if k in found else v for k, v in sd.items()}
