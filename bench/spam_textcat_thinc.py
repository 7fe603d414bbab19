#!/usr/bin/python3
"""Thinc peer of bench/spam-textcat: the same two text classifiers, built from Thinc's layers.

Reads the token files kiln's side wrote (kiln's tokenizer's words with their lower, norm,
prefix, suffix and shape attributes), so both sides see exactly the same words, and prints per
architecture a line "RESULT side=thinc arch=... words_per_s=... macro_f=...".

- bow: hashed unigrams and bigrams of the lower-cased words (key counts per document, as
  spaCy's extract_ngrams), SparseLinear over 2**18 buckets, softmax: spaCy's TextCatBOW.
- cnn: HashEmbed of NORM, PREFIX, SUFFIX, SHAPE (rows embed_size, embed_size // 2 x 3),
  concatenated and mixed by a normalised Maxout, then `depth` residual blocks of
  expand_window >> normalised Maxout, the tokens' mean per document, softmax: spaCy's
  HashEmbedCNN + TextCatCNN.

Words per second count training only (forward, backward, optimizer), not evaluation and not
turning words into integer ids, which happens once before training.
"""

import argparse
import json
import os
import time

import numpy
from thinc.api import (Adam, HashEmbed, Maxout, Model, NumpyOps, Softmax, SparseLinear, chain,
                       clone, concatenate, expand_window, fix_random_seed, list2ragged,
                       reduce_mean, residual, softmax_activation, with_array)

LABELS = ("HAM", "SPAM")
ATTRS = ("norm", "prefix", "suffix", "shape")


class Vocab:
    """Maps strings to stable uint64 ids (the peer's stand-in for spaCy's string store)."""

    def __init__(self):
        self.ids = {}

    def __call__(self, text):
        key = self.ids.get(text)
        if key is None:
            key = self.ids[text] = len(self.ids) + 1
        return key


def read(path, vocab):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            lower = numpy.asarray([vocab(w) for w in record["lower"]], dtype="uint64")
            attrs = numpy.asarray([[vocab(a + ":" + record[a][i]) for a in ATTRS]
                                   for i in range(len(record["lower"]))], dtype="uint64")
            attrs = attrs.reshape((len(record["lower"]), len(ATTRS)))
            truth = [record["cats"].get(label, 0.0) for label in LABELS]
            docs.append((lower, attrs, truth))
    return docs


def extract_ngrams(ngram_size):
    """Each document's n-gram keys (1..ngram_size) with their counts, for SparseLinear."""
    def forward(model, docs, is_train):
        ops = model.ops
        keys, values, lengths = [], [], []
        for ids in docs:
            grams = [ids] + [ops.ngrams(n, ids) for n in range(2, ngram_size + 1)]
            doc_keys, counts = numpy.unique(numpy.concatenate(grams), return_counts=True)
            keys.append(doc_keys)
            values.append(counts.astype("float32"))
            lengths.append(len(doc_keys))
        out = (numpy.concatenate(keys).astype("uint64"), numpy.concatenate(values),
               numpy.asarray(lengths, dtype="int32"))
        return out, lambda d_out: []
    return Model("extract_ngrams", forward)


def bow(ngram_size=2, length=2 ** 18):
    return chain(extract_ngrams(ngram_size), SparseLinear(len(LABELS), length=length),
                 softmax_activation())


def cnn(width=64, depth=2, embed_size=2000, window_size=1, maxout_pieces=3):
    rows = [embed_size] + [embed_size // 2] * 3
    embeds = [HashEmbed(width, nV, column=i, seed=7 + i) for i, nV in enumerate(rows)]
    embed = with_array(chain(concatenate(*embeds),
                             Maxout(width, width * len(rows), nP=3, dropout=0.0, normalize=True)))
    block = residual(chain(expand_window(window_size=window_size),
                           Maxout(width, width * (2 * window_size + 1), nP=maxout_pieces,
                                  dropout=0.0, normalize=True)))
    encode = with_array(clone(block, depth))
    return chain(embed, encode, list2ragged(), reduce_mean(), Softmax(len(LABELS), width))


def inputs(arch, docs):
    return [d[0] for d in docs] if arch == "bow" else [d[1] for d in docs]


def macro_f(model, arch, dev, batch_size):
    guesses = []
    for i in range(0, len(dev), batch_size):
        guesses.append(model.predict(inputs(arch, dev[i:i + batch_size])))
    predicted = numpy.concatenate(guesses).argmax(axis=1)
    gold = numpy.asarray([d[2] for d in dev]).argmax(axis=1)
    fs = []
    for label in range(len(LABELS)):
        tp = numpy.sum((predicted == label) & (gold == label))
        fp = numpy.sum((predicted == label) & (gold != label))
        fn = numpy.sum((predicted != label) & (gold == label))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        fs.append(2 * p * r / (p + r) if p + r else 0.0)
    return float(numpy.mean(fs))


def run(arch, train, dev, args):
    # Thinc's initializers draw from numpy's global generator; without this the CNN's dev F
    # moved between identical runs.
    fix_random_seed(args.seed)
    model = bow() if arch == "bow" else cnn()
    sample = train[:64]
    model.initialize(X=inputs(arch, sample),
                     Y=numpy.asarray([d[2] for d in sample], dtype="float32"))
    optimizer = Adam(args.learn_rate, L2=0.0, grad_clip=0.0, use_averages=False)
    rng = numpy.random.RandomState(args.seed)
    words = 0
    seconds = 0.0
    per_epoch = []
    for epoch in range(1, args.epochs + 1):
        order = rng.permutation(len(train))
        epoch_words = 0
        loss = 0.0
        start = time.perf_counter()
        for i in range(0, len(order), args.batch_size):
            batch = [train[j] for j in order[i:i + args.batch_size]]
            truths = numpy.asarray([d[2] for d in batch], dtype="float32")
            scores, backprop = model.begin_update(inputs(arch, batch))
            # spaCy's TextCategorizer.get_loss, as kiln's textcat computes it.
            d_scores = scores - truths
            loss += float((d_scores ** 2).mean())
            backprop(d_scores)
            model.finish_update(optimizer)
            epoch_words += sum(len(d[0]) for d in batch)
        elapsed = time.perf_counter() - start
        words += epoch_words
        seconds += elapsed
        per_epoch.append(epoch_words / elapsed)
        print(f"thinc {arch} epoch {epoch}: {epoch_words / elapsed:.0f} words/s, loss {loss:.3f}",
              flush=True)
    f = macro_f(model, arch, dev, 256)
    later = numpy.median(per_epoch[1:] if len(per_epoch) > 1 else per_epoch)
    print(f"RESULT side=thinc arch={arch} words_per_s={words / seconds:.0f} "
          f"later_epochs_words_per_s={later:.0f} macro_f={f:.4f} train_s={seconds:.2f}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokens", required=True,
                        help="folder with train.tokens.jsonl and dev.tokens.jsonl from kiln's side")
    parser.add_argument("--arch", default="bow,cnn")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=0, help="keep this many training messages")
    args = parser.parse_args()
    vocab = Vocab()
    train = read(os.path.join(args.tokens, "train.tokens.jsonl"), vocab)
    dev = read(os.path.join(args.tokens, "dev.tokens.jsonl"), vocab)
    if args.limit > 0:
        train = train[:args.limit]
    for arch in args.arch.split(","):
        run(arch, train, dev, args)


if __name__ == "__main__":
    main()
