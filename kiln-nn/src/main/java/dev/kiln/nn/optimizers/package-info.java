/**
 * Thinc's optimizers: {@link dev.kiln.nn.optimizers.SGD}, {@link dev.kiln.nn.optimizers.Adam}
 * and {@link dev.kiln.nn.optimizers.RAdam}, with L2 or weight decay, gradient clipping,
 * parameter averages and scheduled hyperparameters, and state that can be saved and restored.
 */
package dev.kiln.nn.optimizers;
