"""The pinned model's int8 weights, multiplied in int8.

The pinned file stores each weight matrix as int8 with one fp32 scale per output column and
computes `x @ (cast(q) * scale)`. onnxruntime folds that back into an fp32 matrix when it
loads the file, so no int8 kernel ever runs. `rewrite` turns each such product into

    per token t:  s_t = max|x_t| / 127,  q_t = round(x_t / s_t) + 128   (uint8, zero point 128)
    y_t = (MatMulInteger(q_t, q) * scale) * s_t

with the same int8 weights. Each token is quantized by its own largest value, so a sentence's
vector never depends on the other sentences of its batch.

The integer products must be exact, and onnxruntime's uint8 x int8 kernel is exact only where
the CPU has VNNI (`vpdpbusd`). Without it (AVX2, AVX-512 without VNNI) the kernel sums pairs of
products in int16 with `vpmaddubsw`, which saturates (255 * 127 * 2 > 32767): on an AMD EPYC
(AVX2 only) 27-47% of a random product's int32 results came out wrong, and the vectors of the
one-token sentence "x" fell to cosine 0.9889 of the fp32 computation. So `kernel()` asks
onnxruntime once per process, with a 16 x 64 product that saturates if anything does, whether
its uint8 x int8 product is exact here: where it is, the weights stay int8 (`"u8s8"`); where
not, they are stored shifted by 128 as uint8 with zero point 128 (`"u8u8"`), whose kernel
widens to int16 before multiplying and is exact everywhere. Both give the same int32 results,
hence the same vectors and one `COMPUTE` mark on every CPU. Measured on this project's fact
sentences (docs/BENCHMARKS.md): on an Intel Xeon with AVX-512 VNNI ("u8s8") 1.4-1.8x the
sentences per second of the fp32 computation; on an AMD EPYC with AVX2 only ("u8u8") 1.09x;
on both, vectors within cosine 0.9965 of the fp32 computation (mean 0.9978). Rejected on the
AVX2 CPU: int8 x int8 (`MatMulInteger` S8S8: exact, but 6-8x slower than u8s8), 7-bit
activations (q_t in [-64, 64] around zero point 64, exact with the fast kernel, 1.2x fp32, but
cosine min 0.9920 on the 600 sentences and 0.974 for "x").

The rewritten model is derived from the verified pinned file once and kept in a cache folder
(`NLQ_CACHE_DIR`, default `$XDG_CACHE_HOME/nlq` or `~/.cache/nlq`) named by the pinned file's
sha256, `REWRITE_VERSION` and the kernel, next to a sha256 of its own; a damaged copy is
derived again. Where no cache folder can be written the model is derived in memory on each
start (about two seconds more). Importing `onnx` costs about a second, so it happens only when
deriving (the kernel probe is a stored 1 kB model, run by onnxruntime in about a millisecond).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import tempfile
import zlib
from pathlib import Path
from typing import Any

REWRITE_VERSION = 2
"""Bump when `rewrite` changes what it writes: the cached copy is then derived again."""

COMPUTE_PREFIX = "int8-per-token-"
COMPUTE = f"{COMPUTE_PREFIX}{REWRITE_VERSION}"
"""Names how vectors are computed; stored with the vector index (vectors of two ways of
computing are never mixed in one collection). The same on every CPU: both kernels give
the same products. Version 1 used uint8 x int8 everywhere, inexact without VNNI."""

KERNELS = ("u8s8", "u8u8")

PROBE_SHAPE = (16, 64, 16)
"""M, K, N of the kernel probe: activations all 255 (zero point 128) by weights all 127."""
_PROBE_ONNX = (
    "eNrj4LD6yMGlwMWYyMWYxMWWGF+VWpQvxFipxOubWOJbmuOZV5KanlokxFpQlJ+UqtXDweHAISDA7MSY5NXAUT8KRs"
    "EoGLFAi1eAyQlaZngxNkQJA4sRIT4uHg4mIQ4uJg4BIHZIAgpWggXZ4IICTixcDAK8AEhCEzg="
)
"""`probe_model()`'s bytes, zlib-compressed and base64-encoded (tests check they match)."""


@functools.cache
def kernel() -> str:
    """`"u8s8"` where onnxruntime's uint8 x int8 product is exact on this CPU (VNNI), else
    `"u8u8"` (also when the probe cannot run: that kernel is exact everywhere)."""
    import numpy as np
    import onnxruntime as ort

    m, k, _ = PROBE_SHAPE
    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.intra_op_num_threads = 1
    try:
        session = ort.InferenceSession(
            zlib.decompress(base64.b64decode(_PROBE_ONNX)), sess_options=options,
            providers=["CPUExecutionProvider"],
        )  # fmt: skip
        got = session.run(None, {"a": np.full((m, k), 255, np.uint8)})[0]
    except Exception:  # onnxruntime raises its own untyped errors
        return "u8u8"
    return "u8s8" if bool(np.all(got == (255 - 128) * 127 * k)) else "u8u8"


def probe_model() -> bytes:
    """The kernel probe: `MatMulInteger(a, b, 128)` with `b` all 127, shaped `PROBE_SHAPE`."""
    import numpy as np

    m, k, n = PROBE_SHAPE
    return matmul_integer_model(np.full((k, n), 127, np.int8), m)


def matmul_integer_model(b: Any, rows: int | None, b_zero: int | None = None) -> bytes:
    """A model of one `MatMulInteger(a, b, 128[, b_zero])`: uint8 input `a` of `rows` rows
    (None: any) by the stored weights `b` (int8, or uint8 with zero point `b_zero`)."""
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    k, n = b.shape
    inputs = ["a", "b", "a_zero"] + (["b_zero"] if b_zero is not None else [])
    stored = [
        numpy_helper.from_array(b, "b"),
        numpy_helper.from_array(np.array(128, np.uint8), "a_zero"),
    ]
    if b_zero is not None:
        stored.append(numpy_helper.from_array(np.array(b_zero, np.uint8), "b_zero"))
    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", inputs, ["y"])],
        "probe",
        [helper.make_tensor_value_info("a", TensorProto.UINT8, [rows, k])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [rows, n])],
        stored,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], ir_version=8)
    return model.SerializeToString()


def int8_model(source: Path, source_sha256: str, kind: str | None = None) -> Path | bytes:
    """The int8-compute model for verified `source`, multiplying with `kind` of `KERNELS`
    (default: `kernel()`): the cached file's path, else its bytes."""
    from nlq.config import cache_dir

    kind = kind or kernel()
    folder = cache_dir()
    target = folder / f"minilm-{source_sha256[:16]}-int8v{REWRITE_VERSION}-{kind}.onnx"
    digest_file = target.with_suffix(".sha256")
    if _intact(target, digest_file):
        return target
    data = _derive(source, kind)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in folder.glob(f"{target.name}*.tmp"):  # of a run killed while writing
            leftover.unlink(missing_ok=True)
        _write_atomic(target, data)
        _write_atomic(digest_file, hashlib.sha256(data).hexdigest().encode())
    except OSError:
        return data  # a read-only or full cache: use the model from memory
    return target


def _intact(target: Path, digest_file: Path) -> bool:
    try:
        expected = digest_file.read_text().strip()
        return hashlib.sha256(target.read_bytes()).hexdigest() == expected
    except OSError:
        return False


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a shared cache serves every user
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _derive(source: Path, kind: str) -> bytes:
    import onnx

    model = onnx.load(str(source))
    if rewrite(model, kind) == 0:
        raise ValueError(f"{source} holds no int8 weight matrix to rewrite")
    return model.SerializeToString()


def rewrite(model: Any, kind: str = "u8s8") -> int:
    """Rewrite, in place, every `MatMul(x, Mul(Cast(int8 W), column scales))` of `model` (an
    `onnx.ModelProto`) into the per-token int8 product above; return how many were rewritten.
    Inputs shared by several products (a layer's query, key and value) are quantized once.
    `kind` "u8u8" stores each multiplied W as uint8 W + 128 with zero point 128 instead."""
    if kind not in KERNELS:
        raise ValueError(f"unknown kernel {kind!r}; use one of {KERNELS}")
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    graph = model.graph
    weights = {t.name: t for t in graph.initializer}
    producer = {out: node for node in graph.node for out in node.output}

    def constant(name: str, value: Any) -> str:
        graph.initializer.append(numpy_helper.from_array(value, name))
        return name

    c127 = constant("nlq_q8_127", np.array(127.0, np.float32))
    tiny = constant("nlq_q8_tiny", np.array(1e-30, np.float32))
    zero = constant("nlq_q8_0", np.array(0.0, np.float32))
    c128 = constant("nlq_q8_128", np.array(128.0, np.float32))
    zero_point = constant("nlq_q8_zp", np.array(128, np.uint8))
    axis1 = constant("nlq_q8_axis1", np.array([1], np.int64))
    start = constant("nlq_q8_start", np.array([0], np.int64))
    last = constant("nlq_q8_last", np.array([-1], np.int64))
    quantized: dict[str, tuple[str, str, str]] = {}
    shifted: dict[str, str] = {}  # int8 weight -> its uint8 copy ("u8u8")

    def quantize(x: str, k: int) -> tuple[tuple[str, str, str], list[Any]]:
        if x in quantized:
            return quantized[x], []
        p = f"nlq_q8_x{len(quantized)}"
        flat = constant(p + "_flat", np.array([-1, k], np.int64))
        nodes = [
            helper.make_node("Shape", [x], [p + "_shape"]),
            helper.make_node("Reshape", [x, flat], [p + "_2d"]),
            helper.make_node("Abs", [p + "_2d"], [p + "_abs"]),
            helper.make_node("ReduceMax", [p + "_abs"], [p + "_max"], axes=[1], keepdims=0),
            helper.make_node("Max", [p + "_max", tiny], [p + "_max1"]),
            helper.make_node("Div", [p + "_max1", c127], [p + "_scale"]),
            # one zero point per token, all 128 (QuantizeLinear wants it shaped like the scale)
            helper.make_node("Mul", [p + "_scale", zero], [p + "_z0"]),
            helper.make_node("Add", [p + "_z0", c128], [p + "_z1"]),
            helper.make_node("Cast", [p + "_z1"], [p + "_zp"], to=TensorProto.UINT8),
            helper.make_node(
                "QuantizeLinear", [p + "_2d", p + "_scale", p + "_zp"], [p + "_q"], axis=0
            ),  # fmt: skip
            helper.make_node("Unsqueeze", [p + "_scale", axis1], [p + "_scale_col"]),
        ]
        quantized[x] = (p + "_q", p + "_scale_col", p + "_shape")
        return quantized[x], nodes

    nodes: list[Any] = []
    count = 0
    for node in graph.node:
        matched = _int8_weight(node, producer, weights)
        if matched is None:
            nodes.append(node)
            continue
        w_name, scales = matched
        k, n = weights[w_name].dims
        w_inputs = [w_name]  # the weight, then its zero point when not 0
        if kind == "u8u8":
            if w_name not in shifted:
                w = numpy_helper.to_array(weights[w_name]).astype(np.int16) + 128
                shifted[w_name] = constant(w_name + "_u8", w.astype(np.uint8))
            w_inputs = [shifted[w_name], zero_point]  # also 128
        (xq, x_scale, x_shape), prelude = quantize(node.input[0], k)
        nodes.extend(prelude)
        p = f"nlq_q8_mm{count}"
        col_scale = constant(p + "_wscale", scales.reshape(-1).astype(np.float32))
        width = constant(p + "_width", np.array([n], np.int64))
        nodes += [
            helper.make_node(
                "MatMulInteger", [xq, w_inputs[0], zero_point, *w_inputs[1:]], [p + "_i32"]
            ),
            helper.make_node("Cast", [p + "_i32"], [p + "_f"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [p + "_f", col_scale], [p + "_fw"]),
            helper.make_node("Mul", [p + "_fw", x_scale], [p + "_y2d"]),
            # back to the input's leading dimensions, the weight's width last
            helper.make_node("Slice", [x_shape, start, last], [p + "_lead"]),
            helper.make_node("Concat", [p + "_lead", width], [p + "_yshape"], axis=0),
            helper.make_node("Reshape", [p + "_y2d", p + "_yshape"], [node.output[0]]),
        ]
        count += 1
    del graph.node[:]
    graph.node.extend(_live(nodes, {o.name for o in graph.output}))
    read = {name for node in graph.node for name in node.input}
    for tensor in [t for t in graph.initializer if t.name in shifted and t.name not in read]:
        graph.initializer.remove(tensor)  # the int8 weights replaced by uint8 copies
    return count


def _live(nodes: list[Any], outputs: set[str]) -> list[Any]:
    """`nodes` without those whose results nothing reads (the bypassed dequantizations)."""
    while True:
        read = outputs | {name for node in nodes for name in node.input}
        kept = [node for node in nodes if any(out in read for out in node.output)]
        if len(kept) == len(nodes):
            return kept
        nodes = kept


def _int8_weight(node: Any, producer: dict, weights: dict) -> tuple[str, Any] | None:
    """(int8 weight name, its column scales) when `node` multiplies by a dequantized int8
    matrix with one scale per column, else None."""
    from onnx import TensorProto, numpy_helper

    if node.op_type != "MatMul" or len(node.input) != 2:
        return None
    mul = producer.get(node.input[1])
    if mul is None or mul.op_type != "Mul":
        return None
    cast = producer.get(mul.input[0])
    scale = weights.get(mul.input[1])
    if cast is None or cast.op_type != "Cast" or scale is None:
        return None
    w = weights.get(cast.input[0])
    if w is None or w.data_type != TensorProto.INT8 or len(w.dims) != 2:
        return None
    scales = numpy_helper.to_array(scale)
    if scales.size != w.dims[1] or scales.dtype.kind != "f":
        return None
    return w.name, scales
