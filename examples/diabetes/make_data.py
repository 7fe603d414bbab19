"""Writes the diabetes data set that scikit-learn ships (BSD licence) as CSV for kiln.Csv.v1.

Unscaled features (age, sex, bmi, bp, s1..s6) and the disease progression one year later as
"progression"; sex is written as a category ("f"/"m" for 1/2). diabetes.csv holds all 442 rows;
train.csv and dev.csv a fixed 80/20 split shuffled with seed 0. Run from the repository root with
Debian's python3-sklearn installed:  python3 examples/diabetes/make_data.py
"""
import csv
import os

import numpy as np
from sklearn.datasets import load_diabetes

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def cell(name, value):
    if name == "sex":
        return "f" if value == 1 else "m"
    return repr(float(value))


def main():
    data = load_diabetes(scaled=False)
    header = list(data.feature_names) + ["progression"]
    rows = [[cell(n, v) for n, v in zip(data.feature_names, x)] + [repr(float(y))] for x, y in zip(data.data, data.target)]
    order = np.random.RandomState(0).permutation(len(rows))
    cut = round(len(rows) * 0.8)
    write("diabetes.csv", header, rows)
    write("train.csv", header, [rows[i] for i in order[:cut]])
    write("dev.csv", header, [rows[i] for i in order[cut:]])


if __name__ == "__main__":
    main()
