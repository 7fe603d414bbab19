"""Writes Thinc's results for kiln's kernels and sequence ops on fixed inputs, as JSON.

Run with Debian's interpreter:
    /usr/bin/python3 ops_expectations.py > ../resources/dev/kiln/nn/ops/thinc-ops.json
"""
import json

import numpy
from thinc.api import LayerNorm, Maxout, NumpyOps, Ragged

ops = NumpyOps()
rng = numpy.random.default_rng(0)
X = rng.standard_normal((5, 4)).astype("float32")
dY = rng.standard_normal((5, 4)).astype("float32")
lengths = numpy.asarray([2, 0, 3], dtype="int32")


def floats(a):
    return [float(v) for v in numpy.asarray(a, dtype="float32").ravel()]


out = {"X": floats(X), "dY": floats(dY), "shape": list(X.shape), "lengths": lengths.tolist()}
out["gelu"] = floats(ops.gelu(X))
out["backprop_gelu"] = floats(ops.backprop_gelu(dY, X))
Y = ops.swish(X)
out["swish"] = floats(Y)
out["backprop_swish"] = floats(ops.backprop_swish(dY, X, Y))
out["sigmoid"] = floats(ops.sigmoid(X))
out["softmax"] = floats(ops.softmax(X))
out["seq2col_nW1"] = floats(ops.seq2col(X, 1, lengths=lengths))
cols = ops.seq2col(X, 1, lengths=lengths)
out["backprop_seq2col_nW1"] = floats(ops.backprop_seq2col(cols, 1, lengths=lengths))
out["reduce_sum"] = floats(ops.reduce_sum(X, lengths))
out["reduce_mean"] = floats(ops.reduce_mean(X, lengths))
# Thinc refuses empty sequences in reduce_max (kiln gives zeros for them).
out["reduce_max_lengths"] = [2, 3]
out["reduce_max"] = floats(ops.reduce_max(X, numpy.asarray([2, 3], dtype="int32"))[0])

ln = LayerNorm(nI=4)
ln.initialize(X=X)
G = rng.standard_normal(4).astype("float32")
b = rng.standard_normal(4).astype("float32")
ln.set_param("G", G)
ln.set_param("b", b)
Yln, bp = ln.begin_update(X)
out["layernorm_G"] = floats(G)
out["layernorm_b"] = floats(b)
out["layernorm"] = floats(Yln)
out["layernorm_dX"] = floats(bp(dY))
out["layernorm_dG"] = floats(ln.get_grad("G"))

mx = Maxout(nO=3, nP=2)
mx.initialize(X=X)
W = rng.standard_normal((3, 2, 4)).astype("float32")
mb = rng.standard_normal((3, 2)).astype("float32")
mx.set_param("W", W)
mx.set_param("b", mb)
out["maxout_W"] = floats(W)
out["maxout_b"] = floats(mb)
out["maxout"] = floats(mx.predict(X))
print(json.dumps(out))
