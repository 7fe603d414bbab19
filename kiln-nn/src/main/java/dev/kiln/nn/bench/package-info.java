/**
 * Whole-run benchmarks started by the scripts in the repository's {@code bench/} folder:
 * {@link dev.kiln.nn.bench.FashionMnistMlp} ({@code bench/fashion-mnist-mlp}) and
 * {@link dev.kiln.nn.bench.GemmProbe} (the MLP's matrix products alone).
 */
package dev.kiln.nn.bench;
