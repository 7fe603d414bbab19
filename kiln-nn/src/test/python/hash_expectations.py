"""Writes Thinc's ops.hash (MurmurHash3 x86_128 of uint64 keys) for a few keys and seeds.

Run with Debian's interpreter: /usr/bin/python3 hash_expectations.py > ../resources/dev/kiln/nn/ops/murmur-thinc.txt
Each line: key seed h0 h1 h2 h3 (unsigned 32-bit words).
"""
import numpy
from thinc.api import NumpyOps

ops = NumpyOps()
keys = [0, 1, 2, 42, 12345, 2**31 - 1, -1, -42]
for seed in (0, 1, 7, 123456789):
    hashes = ops.hash(numpy.asarray(keys, dtype="int64").astype("uint64"), seed)
    for key, row in zip(keys, hashes):
        print(key, seed, *[int(v) for v in row])
