"""A minimal safetensors reader (struct + json, no numpy) that checks a file against a spec.

Usage: /usr/bin/python3 read_safetensors.py FILE SPEC.json
SPEC is {"metadata": {...}, "tensors": {name: {"dtype": "F32", "shape": [..], "values": [..]}}}.
Prints "ok" and exits 0 when the file holds exactly those tensors and metadata, else prints
what differs and exits 1. kiln's tests run it on files kiln wrote.
"""
import json
import math
import struct
import sys

FORMATS = {"F32": "f", "F64": "d", "I32": "i", "I64": "q", "U8": "B", "I8": "b",
           "I16": "h", "U16": "H", "U32": "I", "U64": "Q"}


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    if n % 8:
        raise ValueError(f"header length {n} is not a multiple of 8")
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    data = raw[8 + n:]
    metadata = header.pop("__metadata__", {})
    tensors = {}
    end = 0
    for name, info in sorted(header.items(), key=lambda item: item[1]["data_offsets"]):
        start, stop = info["data_offsets"]
        if start != end:
            raise ValueError(f"{name}: offsets not contiguous")
        code = FORMATS[info["dtype"]]
        count = math.prod(info["shape"])
        if struct.calcsize("<" + code) * count != stop - start:
            raise ValueError(f"{name}: size does not match shape")
        values = list(struct.unpack(f"<{count}{code}", data[start:stop]))
        tensors[name] = {"dtype": info["dtype"], "shape": info["shape"], "values": values}
        end = stop
    if end != len(data):
        raise ValueError("data section length does not match the header")
    return metadata, tensors


def main():
    metadata, tensors = read(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        spec = json.load(f)
    problems = []
    if metadata != spec.get("metadata", {}):
        problems.append(f"metadata {metadata} != {spec.get('metadata')}")
    if sorted(tensors) != sorted(spec["tensors"]):
        problems.append(f"names {sorted(tensors)} != {sorted(spec['tensors'])}")
    for name, want in spec["tensors"].items():
        got = tensors.get(name)
        if got is None:
            continue
        for key in ("dtype", "shape", "values"):
            if got[key] != want[key]:
                problems.append(f"{name}.{key}: {got[key]} != {want[key]}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
