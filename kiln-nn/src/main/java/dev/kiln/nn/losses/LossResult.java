package dev.kiln.nn.losses;

/**
 * What a loss gives back for one batch: the gradient of the loss with respect to the guesses
 * (same shape as the guesses) and the loss value, as Thinc's {@code loss(guesses, truths)}.
 */
public record LossResult<G>(G gradient, double loss) {}
