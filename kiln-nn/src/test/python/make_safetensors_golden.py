"""Writes the golden safetensors files kiln's writer must reproduce byte for byte.

The bytes are the expected outputs of the reference implementation's own serialization tests
(huggingface/safetensors, safetensors/src/tensor.rs: test_serialization, test_empty and
test_serialization_forced_alignement), rebuilt here from their parts so each is readable:
the header JSON text, its space padding and the little-endian float32 data.

Run with: /usr/bin/python3 make_safetensors_golden.py
"""
import pathlib
import struct

OUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "safetensors"


def safetensors_bytes(header_json, padding, data=b""):
    header = header_json.encode("utf-8") + b" " * padding
    assert len(header) % 8 == 0
    return struct.pack("<Q", len(header)) + header + data


F32_0_TO_5 = struct.pack("<6f", 0.0, 1.0, 2.0, 3.0, 4.0, 5.0)

GOLDEN = {
    # test_serialization: header of exactly 64 bytes, so no padding
    "attn.0.safetensors": safetensors_bytes(
        '{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}', 0, F32_0_TO_5),
    # test_serialization_forced_alignement: 7 spaces align the data to 8 bytes
    "attn0_aligned.safetensors": safetensors_bytes(
        '{"attn0":{"dtype":"F32","shape":[1,1,2,3],"data_offsets":[0,24]}}', 7, F32_0_TO_5),
    # test_empty, without and with metadata
    "empty.safetensors": safetensors_bytes("{}", 6),
    "empty_metadata.safetensors": safetensors_bytes('{"__metadata__":{"framework":"pt"}}', 5),
}

# The byte values the reference tests assert, to check the rebuild above against.
REFERENCE = {
    "attn.0.safetensors": [
        64, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 46, 48, 34, 58, 123, 34, 100,
        116, 121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34,
        58, 91, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102, 115,
        101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 0, 0, 0, 0, 0, 0, 128, 63,
        0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64],
    "attn0_aligned.safetensors": [
        72, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 48, 34, 58, 123, 34, 100, 116,
        121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34, 58,
        91, 49, 44, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102,
        115, 101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 32, 32, 32, 32, 32,
        32, 32, 0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0,
        160, 64],
    "empty.safetensors": [8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32],
    "empty_metadata.safetensors": [
        40, 0, 0, 0, 0, 0, 0, 0, 123, 34, 95, 95, 109, 101, 116, 97, 100, 97, 116, 97, 95,
        95, 34, 58, 123, 34, 102, 114, 97, 109, 101, 119, 111, 114, 107, 34, 58, 34, 112,
        116, 34, 125, 125, 32, 32, 32, 32, 32],
}
for _name, _expected in REFERENCE.items():
    assert list(GOLDEN[_name]) == _expected, _name

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in GOLDEN.items():
        (OUT / name).write_bytes(data)
