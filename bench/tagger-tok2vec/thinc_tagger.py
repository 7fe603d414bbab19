#!/usr/bin/python3
"""Thinc peer of kiln's tagger example: the same tok2vec + tagger, trained on the same JSONL.

spaCy's HashEmbedCNN architecture built from Thinc layers (MultiHashEmbed of NORM, PREFIX,
SUFFIX, SHAPE; MaxoutWindowEncoder; a zero-initialised softmax per token; dropout 0.1 where
spaCy builds its layers with one), Adam with gradient clipping, one pass over the data in batches of sentences. Prints training words per second
(forward, backward and optimizer steps; feature hashing is done before the clock starts, which
favours Thinc) and the dev tag accuracy. Uses Debian's python3-thinc; nothing is downloaded.
"""

import argparse
import json
import time

import numpy
from thinc.api import (Adam, HashEmbed, Maxout, Softmax_v2, chain, clone, concatenate, expand_window,
                       list2ragged, ragged2list, residual, set_dropout_rate, with_array)


def shape(word):
    out, last, run = [], None, 0
    for c in word:
        m = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        run = run + 1 if m == last else 1
        last = m
        if run <= 4:
            out.append(m)
    return "".join(out)


def features(words):
    rows = []
    for w in words:
        lower = w.lower()
        rows.append([hash(key) % (2 ** 63) for key in (lower, w[0], w[-3:], shape(w))])
    return numpy.asarray(rows, dtype="uint64")


def read(path):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            docs.append((record["words"], record["tags"]))
    return docs


def model(width, depth, rows, labels):
    tables = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(rows)]
    embed = with_array(chain(concatenate(*tables), Maxout(width, width * len(rows), nP=3, dropout=0.0, normalize=True)))
    block = chain(expand_window(1), with_array(Maxout(width, width * 3, nP=3, dropout=0.0, normalize=True)))
    encode = chain(list2ragged(), clone(residual(block), depth), ragged2list())
    return chain(embed, encode, with_array(Softmax_v2(labels, width)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("train")
    parser.add_argument("dev")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args()
    train, dev = read(args.train), read(args.dev)
    labels = sorted({t for _, tags in train for t in tags})
    index = {t: i for i, t in enumerate(labels)}
    net = model(64, 2, [2000, 1000, 1000, 1000], len(labels))
    X = [features(words) for words, _ in train]
    Y = [numpy.asarray([index[t] for t in tags], dtype="i") for _, tags in train]
    net.initialize(X=X[:64], Y=[net.ops.alloc2f(len(y), len(labels)) for y in Y[:64]])
    optimizer = Adam(0.001, grad_clip=1.0)
    # spaCy's nlp.update(drop=...): the tagger example's [training] dropout, in every layer built with one.
    set_dropout_rate(net, 0.1)
    words = 0
    start = time.perf_counter()
    for _ in range(args.epochs):
        for b in range(0, len(X), args.batch):
            xs, ys = X[b:b + args.batch], Y[b:b + args.batch]
            guesses, backprop = net.begin_update(xs)
            grads = []
            for g, y in zip(guesses, ys):
                d = g.copy()
                d[numpy.arange(len(y)), y] -= 1
                grads.append(d)
            backprop(grads)
            net.finish_update(optimizer)
            words += sum(len(y) for y in ys)
    seconds = time.perf_counter() - start
    right = total = 0
    for words_, tags in dev:
        guess = net.predict([features(words_)])[0].argmax(axis=1)
        right += sum(labels[g] == t for g, t in zip(guess, tags))
        total += len(tags)
    print(f"thinc words_per_s={words / seconds:.0f} dev_tag_acc={right / total:.4f}")


if __name__ == "__main__":
    main()
