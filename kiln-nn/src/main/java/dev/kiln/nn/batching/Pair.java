package dev.kiln.nn.batching;

/** One batch from each of two sequences, cut at the same items: inputs and their labels. */
public record Pair<A, B>(A first, B second) {}
