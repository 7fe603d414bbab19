"""Writes the Thinc 8.1.7 expectations kiln-nn's tests compare against.

Run with Debian's python3-thinc:  /usr/bin/python3 make_thinc_expectations.py
Outputs JSON files under ../resources/thinc/. Inputs are drawn from a seeded numpy generator and
written into the JSON as well, so the Java tests feed exactly the same float32 values.
"""
import json
import pathlib

import numpy
import thinc
from thinc.api import registry
from thinc.loss import (
    CategoricalCrossentropy,
    CosineDistance,
    L2Distance,
    SequenceCategoricalCrossentropy,
)
from thinc.optimizers import SGD, Adam, RAdam

OUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "thinc"
N_STEPS = 40


def floats(array):
    return [float(v) for v in numpy.asarray(array, dtype="float32").ravel()]


def schedule_generator(spec):
    """Builds a Thinc schedule generator from {"name": ..., "args": {...}}."""
    args = dict(spec["args"])
    if "schedule" in args:
        args["schedule"] = schedule_generator(args["schedule"])
    return registry.schedules.get(spec["name"])(**args)


SCHEDULES = [
    {"name": "constant.v1", "args": {"rate": 0.25}},
    {"name": "constant_then.v1", "args": {"rate": 1.0, "steps": 5,
        "schedule": {"name": "decaying.v1", "args": {"base_rate": 0.5, "decay": 0.1}}}},
    {"name": "decaying.v1", "args": {"base_rate": 0.001, "decay": 1e-4}},
    {"name": "decaying.v1", "args": {"base_rate": 0.01, "decay": 0.5, "t": 3}},
    {"name": "compounding.v1", "args": {"start": 1.0, "stop": 32.0, "compound": 1.5}},
    {"name": "compounding.v1", "args": {"start": 100.0, "stop": 4.0, "compound": 0.8}},
    {"name": "compounding.v1", "args": {"start": 4.0, "stop": 1000.0, "compound": 1.001}},
    {"name": "warmup_linear.v1", "args": {"initial_rate": 0.01, "warmup_steps": 10, "total_steps": 30}},
    {"name": "warmup_linear.v1", "args": {"initial_rate": 2.0, "warmup_steps": 0, "total_steps": 7}},
    {"name": "slanted_triangular.v1", "args": {"max_rate": 0.1, "num_steps": 50}},
    {"name": "slanted_triangular.v1", "args": {"max_rate": 0.5, "num_steps": 30, "cut_frac": 0.2,
                                               "ratio": 16, "t": 2.0}},
    {"name": "cyclic_triangular.v1", "args": {"min_lr": 0.001, "max_lr": 0.01, "period": 4}},
    {"name": "cyclic_triangular.v1", "args": {"min_lr": 0.5, "max_lr": 1.5, "period": 7}},
]


def make_schedules():
    cases = []
    for spec in SCHEDULES:
        gen = schedule_generator(spec)
        cases.append({"schedule": spec, "values": [float(next(gen)) for _ in range(N_STEPS)]})
    return {"thinc": thinc.__version__, "cases": cases}


OPTIMIZERS = {"SGD": SGD, "Adam": Adam, "RAdam": RAdam}
DECAY = {"name": "decaying.v1", "args": {"base_rate": 0.01, "decay": 0.2}}
OPTIMIZER_CASES = [
    ("SGD", {"learn_rate": 0.1}),
    ("SGD", {"learn_rate": 0.1, "grad_clip": 0.0, "use_averages": False}),
    ("SGD", {"learn_rate": 0.05, "L2": 0.01, "L2_is_weight_decay": False}),
    ("SGD", {"learn_rate": 0.05, "L2": 0.1, "L2_is_weight_decay": True, "grad_clip": 0.5}),
    ("SGD", {"learn_rate": DECAY}),
    ("Adam", {"learn_rate": 0.001}),
    ("Adam", {"learn_rate": 0.01, "grad_clip": 0.0, "use_averages": False}),
    ("Adam", {"learn_rate": 0.01, "L2": 1e-2, "L2_is_weight_decay": False}),
    ("Adam", {"learn_rate": 0.01, "L2": 1e-2, "L2_is_weight_decay": True}),
    ("Adam", {"learn_rate": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "grad_clip": 0.3}),
    ("Adam", {"learn_rate": DECAY, "beta1": {"name": "compounding.v1",
              "args": {"start": 0.5, "stop": 0.9, "compound": 1.1}}}),
    ("Adam", {"learn_rate": {"name": "warmup_linear.v1",
              "args": {"initial_rate": 0.01, "warmup_steps": 3, "total_steps": 20}},
              "L2": {"name": "constant.v1", "args": {"rate": 0.001}}}),
    ("RAdam", {"learn_rate": 0.001}),
    ("RAdam", {"learn_rate": 0.01, "grad_clip": 0.0, "use_averages": False}),
    ("RAdam", {"learn_rate": 0.01, "L2": 1e-2, "L2_is_weight_decay": False, "beta2": 0.9}),
    ("RAdam", {"learn_rate": 0.01, "L2": 1e-2, "L2_is_weight_decay": True, "beta2": 0.8}),
]


def optimizer_kwargs(kwargs):
    built = {}
    for key, value in kwargs.items():
        built[key] = schedule_generator(value) if isinstance(value, dict) else value
    return built


def make_optimizers():
    rng = numpy.random.default_rng(7)
    # Two parameters: "a" updated every step, "b" every other step, so per-key counters matter.
    shapes = {"a": (3, 4), "b": (5,)}
    initial = {k: rng.normal(0, 1, size=s).astype("float32") for k, s in shapes.items()}
    steps = 12
    grads = []
    for step in range(steps):
        scale = 3.0 if step % 4 == 1 else 0.2  # some gradients are clipped, some not
        grads.append({k: (rng.normal(0, scale, size=s)).astype("float32") for k, s in shapes.items()})
    cases = []
    for kind, kwargs in OPTIMIZER_CASES:
        opt = OPTIMIZERS[kind](**optimizer_kwargs(kwargs))
        weights = {k: v.copy() for k, v in initial.items()}
        trace = []
        for step in range(steps):
            record = {}
            for index, key in enumerate(shapes):
                if key == "b" and step % 2 == 1:
                    continue
                grad = grads[step][key].copy()
                w, g = opt((index, key), weights[key], grad)
                weights[key] = w
                assert not numpy.any(g), "Thinc zeroes the gradient"
                record[key] = floats(w)
                if opt.averages is not None:
                    record["avg_" + key] = floats(opt.averages[(index, key)])
            trace.append(record)
            opt.step_schedules()
        cases.append({"optimizer": kind, "kwargs": kwargs, "trace": trace})
    return {
        "thinc": thinc.__version__,
        "shapes": {k: list(s) for k, s in shapes.items()},
        "initial": {k: floats(v) for k, v in initial.items()},
        "gradients": [{k: floats(v) for k, v in g.items()} for g in grads],
        "cases": cases,
    }


def softmax_rows(x):
    e = numpy.exp(x - x.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype("float32")


def make_losses():
    rng = numpy.random.default_rng(11)
    guesses = softmax_rows(rng.normal(0, 2, size=(6, 4)))
    labels = numpy.asarray([0, 3, 1, 1, 2, 0], dtype="i")
    soft = softmax_rows(rng.normal(0, 1, size=(6, 4)))
    cases = []

    def cce(name, kwargs, truths_kind, truths):
        loss = CategoricalCrossentropy(**kwargs)
        grad, value = loss(guesses, truths)
        cases.append({"loss": name, "kwargs": kwargs, "truths_kind": truths_kind,
                      "truths": floats(truths) if truths_kind == "floats" else [int(t) for t in truths],
                      "gradient": floats(grad), "value": float(value)})

    cce("CategoricalCrossentropy", {}, "ints", labels)
    cce("CategoricalCrossentropy", {"normalize": False}, "ints", labels)
    cce("CategoricalCrossentropy", {"label_smoothing": 0.1}, "ints", labels)
    cce("CategoricalCrossentropy", {"missing_value": 1}, "ints", labels)
    cce("CategoricalCrossentropy", {}, "floats", soft)
    cce("CategoricalCrossentropy", {"missing_value": 2, "normalize": False}, "floats",
        numpy.eye(4, dtype="float32")[labels])

    names = ["A", "B", "C", "D"]
    string_labels = ["A", "!D", "B", "", "C", "!A"]
    for kwargs in ({"names": names, "missing_value": "", "neg_prefix": "!"},
                   {"names": names, "missing_value": "", "neg_prefix": "!", "normalize": False},
                   {"names": names, "label_smoothing": 0.2}):
        truths = string_labels if "neg_prefix" in kwargs else ["A", "D", "B", "B", "C", "A"]
        loss = CategoricalCrossentropy(**kwargs)
        grad, value = loss(guesses, list(truths))
        cases.append({"loss": "CategoricalCrossentropy", "kwargs": kwargs, "truths_kind": "names",
                      "truths": list(truths), "gradient": floats(grad), "value": float(value)})

    seq_guesses = [guesses[:2], guesses[2:]]
    seq_truths = [labels[:2], labels[2:]]
    for kwargs in ({}, {"normalize": False}, {"label_smoothing": 0.2}):
        loss = SequenceCategoricalCrossentropy(**kwargs)
        grads, value = loss(seq_guesses, seq_truths)
        cases.append({"loss": "SequenceCategoricalCrossentropy", "kwargs": kwargs,
                      "lengths": [2, 4], "truths_kind": "ints",
                      "truths": [int(t) for t in labels],
                      "gradient": [v for g in grads for v in floats(g)], "value": float(value)})

    targets = rng.normal(0, 1, size=(6, 4)).astype("float32")
    targets[2] = 0.0  # a zero row, which ignore_zeros skips
    for kwargs in ({}, {"normalize": False}):
        grad, value = L2Distance(**kwargs)(guesses, targets)
        cases.append({"loss": "L2Distance", "kwargs": kwargs, "truths_kind": "floats",
                      "truths": floats(targets), "gradient": floats(grad), "value": float(value)})
    for kwargs in ({}, {"normalize": False}, {"ignore_zeros": True}):
        grad, value = CosineDistance(**kwargs)(guesses, targets)
        cases.append({"loss": "CosineDistance", "kwargs": kwargs, "truths_kind": "floats",
                      "truths": floats(targets), "gradient": floats(grad), "value": float(value)})
    return {"thinc": thinc.__version__, "guesses": floats(guesses), "shape": list(guesses.shape),
            "cases": cases}


REGISTERED = {
    "optimizers": ["Adam.v1", "RAdam.v1", "SGD.v1"],
    "schedules": ["constant.v1", "constant_then.v1", "decaying.v1", "compounding.v1",
                  "warmup_linear.v1", "slanted_triangular.v1", "cyclic_triangular.v1"],
    "losses": ["CategoricalCrossentropy.v1", "CategoricalCrossentropy.v3",
               "SequenceCategoricalCrossentropy.v1", "SequenceCategoricalCrossentropy.v3",
               "L2Distance.v1", "CosineDistance.v1"],
}


def make_signatures():
    """Parameter names and defaults of the registered functions kiln mirrors."""
    import inspect

    functions = []
    for category, names in REGISTERED.items():
        for name in names:
            func = getattr(registry, category).get(name)
            params = []
            for p in inspect.signature(func).parameters.values():
                entry = {"name": p.name}
                if p.default is not inspect.Parameter.empty:
                    entry["default"] = p.default
                params.append(entry)
            functions.append({"category": category, "name": name, "parameters": params})
    return {"thinc": thinc.__version__, "functions": functions}


BATCHING = [
    {"length": 10, "size": 4},
    {"length": 12, "size": 12},
    {"length": 5, "size": 8},
    {"length": 100, "size": {"name": "compounding.v1", "args": {"start": 1.0, "stop": 32.0, "compound": 1.5}}},
    {"length": 50, "size": {"name": "decaying.v1", "args": {"base_rate": 9.0, "decay": 0.1}}},
]


def make_batching():
    """Batches of range(length) in order: Thinc's sizes and contents (shuffling is kiln's own)."""
    from thinc.api import NumpyOps

    ops = NumpyOps()
    cases = []
    for case in BATCHING:
        size = case["size"]
        size_arg = size if isinstance(size, int) else schedule_generator(size)
        batches = ops.minibatch(size_arg, list(range(case["length"])))
        cases.append({**case, "count": len(batches), "batches": [list(b) for b in batches]})
    return {"thinc": thinc.__version__, "cases": cases}


def write(name, data):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / name).write_text(json.dumps(data, indent=1) + "\n")


if __name__ == "__main__":
    write("schedules.json", make_schedules())
    write("optimizers.json", make_optimizers())
    write("losses.json", make_losses())
    write("signatures.json", make_signatures())
    write("batching.json", make_batching())
