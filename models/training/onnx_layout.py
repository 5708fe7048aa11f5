"""Rewrites of an exported HDNet graph that change how ONNX Runtime lays out memory, never what the graph computes.

ONNX Runtime's CPU convolutions run in a blocked channel layout (NCHWc). A nearest-neighbour upsampling whose input
comes from anything else (the decoder's upsamplings follow MGD's matrix products) runs in plain layout, and its
output, four times larger than its input, is then reordered for the next convolution: at full resolution that
reorder alone took about 1 ms of a 20 ms run at 256x256. An identity 1x1 convolution in front of the upsampling
moves the reorder to the low resolution, and the upsampling then runs in the blocked layout.
"""
import numpy as np

IDENTITY_SUFFIX = "__to_blocked"


def is_nearest(node):
    """Whether a Resize node upsamples by nearest neighbour."""
    return any(a.name == "mode" and a.s == b"nearest" for a in node.attribute)


def reorder_before_upsample(om):
    """Puts an identity 1x1 Conv in front of every nearest-neighbour Resize that feeds only convolutions and is not
    fed by one. Returns how many were inserted."""
    from onnx import helper, numpy_helper
    g = om.graph
    producer = {o: n for n in g.node for o in n.output}
    consumers = {}
    for n in g.node:
        for i in n.input:
            consumers.setdefault(i, []).append(n)
    inserted = 0
    for node in list(g.node):
        if node.op_type != "Resize" or not is_nearest(node):
            continue
        users = consumers.get(node.output[0], [])
        source = producer.get(node.input[0])
        if not users or any(u.op_type != "Conv" for u in users) or (source is not None and source.op_type == "Conv"):
            continue
        weights = next((i for i in g.initializer if i.name == users[0].input[1]), None)
        if weights is None:  # runs before the exporter stores weights as float16 (onnx_weights)
            continue
        channels = weights.dims[1]
        weight = node.name + IDENTITY_SUFFIX + "_w"
        g.initializer.append(numpy_helper.from_array(
            np.eye(channels, dtype=np.float32).reshape(channels, channels, 1, 1), weight))
        blocked = node.name + IDENTITY_SUFFIX
        conv = helper.make_node("Conv", [node.input[0], weight], [blocked], name=blocked, kernel_shape=[1, 1])
        node.input[0] = blocked
        g.node.insert(list(g.node).index(node), conv)
        inserted += 1
    return inserted
