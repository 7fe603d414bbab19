#!/usr/bin/env python3
"""Writes the bundled Fashion-MNIST subset: the first 5,000 training and 1,000 test items of
Debian's dataset-fashion-mnist, as the same gzipped IDX files. Fashion-MNIST is (c) Zalando SE,
MIT licence. Run with /usr/bin/python3 from this folder; the output is deterministic."""
import gzip
import struct
from pathlib import Path

SOURCE = Path("/usr/share/datasets/fashion-mnist")
OUT = Path(__file__).resolve().parent / "data"


def subset(name: str, count: int) -> None:
    with gzip.open(SOURCE / f"{name}.gz", "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    ndims = magic & 0xFF
    dims = list(struct.unpack(">" + "I" * ndims, data[4:4 + 4 * ndims]))
    item = 1
    for d in dims[1:]:
        item *= d
    header = struct.pack(">I", magic) + struct.pack(">" + "I" * ndims, count, *dims[1:])
    body = data[4 + 4 * ndims: 4 + 4 * ndims + count * item]
    # mtime=0 keeps the gzip bytes the same on every run.
    with open(OUT / f"{name}.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(header + body)


OUT.mkdir(exist_ok=True)
for prefix, count in (("train", 5000), ("t10k", 1000)):
    subset(f"{prefix}-images-idx3-ubyte", count)
    subset(f"{prefix}-labels-idx1-ubyte", count)
