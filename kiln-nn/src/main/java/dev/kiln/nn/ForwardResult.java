package dev.kiln.nn;

/** What a forward pass returns: the output and the callback that backpropagates through it. */
public record ForwardResult<I, O>(O output, Backprop<I, O> backprop) {}
