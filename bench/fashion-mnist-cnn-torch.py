"""The CNN of examples/fashion-mnist/config-cnn.cfg in PyTorch, for speed and accuracy comparisons.

    python3 bench/fashion-mnist-cnn-torch.py [THREADS] [EPOCHS]     (defaults 1 and 2)

Prints each epoch's training time, examples/s and test accuracy.
"""
import gzip
import sys
import time

import numpy as np
import torch
import torch.nn as nn

DATA = "/usr/share/datasets/fashion-mnist/"


def load(name, offset):
    with gzip.open(DATA + name) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def images(name):
    return torch.tensor(load(name, 16).reshape(-1, 1, 28, 28) / 255.0, dtype=torch.float32)


def labels(name):
    return torch.tensor(load(name, 8).astype(np.int64))


def input_norm(x):
    """kiln.InputNorm.v1: each image standardised by its own mean and deviation."""
    flat = x.flatten(1)
    mean = flat.mean(1, keepdim=True)
    var = flat.var(1, unbiased=False, keepdim=True)
    return ((flat - mean) / torch.sqrt(var + 1e-6)).view_as(x)


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    torch.manual_seed(0)
    torch.set_num_threads(threads)
    x, y = images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz")
    xt, yt = images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz")
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1568, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), 1e-3)
    loss = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(x))
        start = time.time()
        for i in range(0, len(x), 128):
            batch = order[i:i + 128]
            optimizer.zero_grad()
            loss(model(input_norm(x[batch])), y[batch]).backward()
            optimizer.step()
        seconds = time.time() - start
        model.eval()
        with torch.no_grad():
            acc = (model(input_norm(xt)).argmax(1) == yt).float().mean().item()
        print(f"epoch {epoch + 1}: {seconds:.1f} s ({len(x) / seconds:.0f} examples/s) "
              f"test_acc={acc:.4f}", flush=True)


if __name__ == "__main__":
    main()
