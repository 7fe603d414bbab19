"""Writes the wine data set that scikit-learn ships (BSD licence) as CSV for kiln.Csv.v1.

wine.csv holds all 178 rows; train.csv and dev.csv a fixed 80/20 split, shuffled with seed 0,
stratified so that each class is split 80/20. Run from the repository root with Debian's
python3-sklearn installed:  python3 examples/wine/make_data.py
"""
import csv
import os

import numpy as np
from sklearn.datasets import load_wine

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def main():
    wine = load_wine()
    header = list(wine.feature_names) + ["class"]
    rows = [[repr(float(v)) for v in x] + [wine.target_names[y]] for x, y in zip(wine.data, wine.target)]
    random = np.random.RandomState(0)
    dev = set()
    for label in sorted(set(wine.target)):
        members = np.flatnonzero(wine.target == label)
        random.shuffle(members)
        dev.update(int(i) for i in members[: round(len(members) * 0.2)])
    order = random.permutation(len(rows))
    write("wine.csv", header, rows)
    write("train.csv", header, [rows[i] for i in order if i not in dev])
    write("dev.csv", header, [rows[i] for i in order if i in dev])


if __name__ == "__main__":
    main()
