"""Builds the tiny ONNX models the Java tests use (same I/O contract as HDNet / S2CRNet, no learned weights).

Run: /usr/bin/python3 src/test/resources/models/make_test_models.py  (needs the `onnx` package)
  tiny-hdnet.onnx    harmonized = clip(gain*composite + bias) inside the mask; knn = nearest background cells
  slow-hdnet.onnx    like tiny-hdnet but through a long chain of 3x3 convolutions (for cancellation tests)
  tiny-s2crnet.onnx  curves[c] = x ** (0.5 + mean of channel c)
"""
import hashlib
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def const(name, array):
    return helper.make_node("Constant", [], [name], value=numpy_helper.from_array(np.asarray(array), name + "_v"))


def io_hdnet():
    inputs = [helper.make_tensor_value_info("composite", TensorProto.FLOAT, [1, 3, "H", "W"]),
              helper.make_tensor_value_info("mask", TensorProto.FLOAT, [1, 1, "H", "W"]),
              helper.make_tensor_value_info("k", TensorProto.INT64, [1])]
    outputs = [helper.make_tensor_value_info("harmonized", TensorProto.FLOAT, [1, 3, "H", "W"]),
               helper.make_tensor_value_info("knn_index", TensorProto.INT64, [1, "N", "K"]),
               helper.make_tensor_value_info("knn_weight", TensorProto.FLOAT, [1, "N", "K"])]
    return inputs, outputs


def colour_nodes(source):
    """harmonized = mask*clip(gain*source+bias) + (1-mask)*composite."""
    return [
        const("gain", np.array([0.8, 1.0, 1.2], np.float32).reshape(1, 3, 1, 1)),
        const("bias", np.array([0.05, 0.0, -0.05], np.float32).reshape(1, 3, 1, 1)),
        const("zero", np.array(0.0, np.float32)), const("one", np.array(1.0, np.float32)),
        helper.make_node("Mul", [source, "gain"], ["scaled"]),
        helper.make_node("Add", ["scaled", "bias"], ["shifted"]),
        helper.make_node("Clip", ["shifted", "zero", "one"], ["recoloured"]),
        helper.make_node("Sub", ["recoloured", "composite"], ["delta"]),
        helper.make_node("Mul", ["delta", "mask"], ["masked_delta"]),
        helper.make_node("Add", ["composite", "masked_delta"], ["harmonized"]),
    ]


def knn_nodes():
    """For every cell, the k background cells nearest in index order, softmax(-distance) weights."""
    return [
        helper.make_node("AveragePool", ["mask"], ["cells"], kernel_shape=[8, 8], strides=[8, 8]),
        const("half", np.array(0.5, np.float32)),
        helper.make_node("GreaterOrEqual", ["cells", "half"], ["fg_bool"]),
        helper.make_node("Cast", ["fg_bool"], ["fg"], to=TensorProto.FLOAT),
        const("flat", np.array([1, -1], np.int64)),
        helper.make_node("Reshape", ["fg", "flat"], ["fg_row"]),                # [1, N]
        helper.make_node("Shape", ["fg_row"], ["fg_shape"]),
        const("one_idx", np.array([1], np.int64)),
        helper.make_node("Gather", ["fg_shape", "one_idx"], ["n_vec"], axis=0),
        helper.make_node("Squeeze", ["n_vec"], ["n"]),
        helper.make_node("Cast", ["n"], ["n_f"], to=TensorProto.FLOAT),
        const("r0", np.array(0.0, np.float32)), const("r1", np.array(1.0, np.float32)),
        helper.make_node("Range", ["r0", "n_f", "r1"], ["idx"]),
        const("ax0", np.array([0], np.int64)), const("ax1", np.array([1], np.int64)),
        helper.make_node("Unsqueeze", ["idx", "ax1"], ["col"]),                # [N, 1]
        helper.make_node("Unsqueeze", ["idx", "ax0"], ["row"]),                # [1, N]
        helper.make_node("Sub", ["col", "row"], ["diff"]),
        helper.make_node("Abs", ["diff"], ["dist"]),
        const("big", np.array(1e6, np.float32)),
        helper.make_node("Mul", ["fg_row", "big"], ["penalty"]),
        helper.make_node("Add", ["dist", "penalty"], ["cost"]),
        helper.make_node("Neg", ["cost"], ["score"]),
        helper.make_node("TopK", ["score", "k"], ["top_v", "top_i"], axis=-1),
        helper.make_node("Softmax", ["top_v"], ["top_w"], axis=-1),
        helper.make_node("Unsqueeze", ["top_i", "ax0"], ["knn_index"]),
        helper.make_node("Unsqueeze", ["top_w", "ax0"], ["knn_weight"]),
    ]


def cheap_knn_nodes():
    """knn outputs of the right shape without the N x N matrix: zeros."""
    return [
        helper.make_node("AveragePool", ["mask"], ["cells"], kernel_shape=[8, 8], strides=[8, 8]),
        helper.make_node("Shape", ["cells"], ["cshape"]),
        const("hw_idx", np.array([2, 3], np.int64)),
        helper.make_node("Gather", ["cshape", "hw_idx"], ["hw"], axis=0),
        helper.make_node("ReduceProd", ["hw"], ["n1"], axes=[0], keepdims=1),
        const("batch", np.array([1], np.int64)),
        helper.make_node("Concat", ["batch", "n1", "k"], ["oshape"], axis=0),
        helper.make_node("ConstantOfShape", ["oshape"], ["knn_index"],
                         value=numpy_helper.from_array(np.array([0], np.int64))),
        helper.make_node("ConstantOfShape", ["oshape"], ["knn_weight_raw"],
                         value=numpy_helper.from_array(np.array([1.0], np.float32))),
        helper.make_node("Identity", ["knn_weight_raw"], ["knn_weight"]),
    ]


def save(graph, name, meta):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="hdcompose-tests")
    model.ir_version = 8
    for key, value in meta.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, str(value)
    onnx.checker.check_model(model)
    path = os.path.join(HERE, name)
    onnx.save(model, path)
    return path


def tiny_hdnet():
    inputs, outputs = io_hdnet()
    graph = helper.make_graph(colour_nodes("composite") + knn_nodes(), "tiny_hdnet", inputs, outputs)
    return save(graph, "tiny-hdnet.onnx", {"name": "tiny-hdnet", "version": "test", "training_data": "none",
                                           "architecture": "affine colour map + index-distance knn", "params": 6})


def slow_hdnet(depth=120):
    inputs, outputs = io_hdnet()
    weight = np.zeros((3, 3, 3, 3), np.float32)
    for c in range(3):
        weight[c, c] = 1.0 / 9.0
    nodes = [const("w", weight)]
    src = "composite"
    for i in range(depth):
        nodes.append(helper.make_node("Conv", [src, "w"], ["c%d" % i], pads=[1, 1, 1, 1]))
        src = "c%d" % i
    graph = helper.make_graph(nodes + colour_nodes(src) + cheap_knn_nodes(), "slow_hdnet", inputs, outputs)
    return save(graph, "slow-hdnet.onnx", {"name": "slow-hdnet", "version": "test", "training_data": "none",
                                           "architecture": "box-filter chain", "params": 81})


def tiny_s2crnet(points=16):
    inputs = [helper.make_tensor_value_info("composite", TensorProto.FLOAT, [1, 3, "h", "w"]),
              helper.make_tensor_value_info("mask", TensorProto.FLOAT, [1, 1, "h", "w"])]
    outputs = [helper.make_tensor_value_info("curves", TensorProto.FLOAT, [1, 3, points])]
    nodes = [
        const("xs", np.linspace(0, 1, points, dtype=np.float32).reshape(1, 1, points)),
        helper.make_node("ReduceMean", ["composite"], ["mean4"], axes=[2, 3], keepdims=1),   # [1,3,1,1]
        const("sq", np.array([3], np.int64)),
        helper.make_node("Squeeze", ["mean4", "sq"], ["mean"]),                          # [1,3,1]
        const("half", np.array(0.5, np.float32)),
        helper.make_node("Add", ["mean", "half"], ["gamma"]),
        helper.make_node("Pow", ["xs", "gamma"], ["curves"]),
    ]
    graph = helper.make_graph(nodes, "tiny_s2crnet", inputs, outputs)
    return save(graph, "tiny-s2crnet.onnx", {"name": "tiny-s2crnet", "version": "test", "training_data": "none",
                                             "architecture": "gamma curves", "params": 0, "curve_points": points})


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


if __name__ == "__main__":
    paths = {"hdnet-lite": tiny_hdnet(), "hdnet": slow_hdnet(), "s2crnet": tiny_s2crnet()}
    types = {"hdnet-lite": "hdnet", "hdnet": "hdnet", "s2crnet": "s2crnet"}
    manifest = {"models": [{"id": i, "file": os.path.basename(p), "type": types[i], "sha256": sha(p),
                            "version": "test", "description": "test model"} for i, p in paths.items()]}
    with open(os.path.join(HERE, "models.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
