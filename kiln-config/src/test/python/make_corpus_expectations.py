#!/usr/bin/python3
"""Writes what Thinc 8.1.7 makes of kiln's config corpus.

Run from anywhere with Debian's python3-thinc:  /usr/bin/python3 make_corpus_expectations.py

For every corpus/NN-name.cfg it writes NN-name.expected.json: the result of
Config().from_str(text, interpolate=True, overrides=...) dumped as JSON, where the overrides
come from NN-name.overrides.json if that file exists. Every corpus file must load in Thinc.

For every corpus/errors/NN-name.cfg (inputs kiln must refuse) it records in
errors/thinc-results.txt whether Thinc refuses it too, and with which exception.
"""
import json
import pathlib
import sys

import thinc
from thinc.api import Config

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "resources" / "corpus"


def read_text(path):
    # newline="" keeps \r\n as written, as kiln reads it.
    with open(path, encoding="utf8", newline="") as f:
        return f.read()


def overrides_in_comments(text):
    overrides = {}
    for line in text.splitlines():
        if line.startswith("# override: "):
            key, value = line[len("# override: "):].split("=", 1)
            overrides[key.strip()] = json.loads(value)
    return overrides


def expectations():
    for cfg in sorted(CORPUS.glob("*.cfg")):
        overrides_file = cfg.with_name(cfg.stem + ".overrides.json")
        overrides = json.loads(read_text(overrides_file)) if overrides_file.exists() else {}
        config = Config().from_str(read_text(cfg), interpolate=True, overrides=overrides)
        out = cfg.with_name(cfg.stem + ".expected.json")
        out.write_text(json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf8")
        print("wrote", out.name)


def error_results():
    lines = [f"# What Thinc {thinc.__version__} does with each input kiln refuses "
             "(written by make_corpus_expectations.py)."]
    for cfg in sorted((CORPUS / "errors").glob("*.cfg")):
        text = read_text(cfg)
        try:
            config = Config().from_str(text, interpolate=True, overrides=overrides_in_comments(text))
            outcome = "accepted: " + json.dumps(config, ensure_ascii=False)
        except Exception as e:  # noqa: BLE001 - any refusal is what we record
            first = next((l for l in str(e).splitlines() if l.strip()), "")
            outcome = f"refused: {type(e).__name__}: {first.strip()}"
        lines.append(f"{cfg.name}\t{outcome}")
    out = CORPUS / "errors" / "thinc-results.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf8")
    print("wrote", out.name)


if __name__ == "__main__":
    print("thinc", thinc.__version__, file=sys.stderr)
    expectations()
    error_results()
