/** Cutting data into sized, re-iterable batches, as Thinc's {@code minibatch}/{@code multibatch}. */
package dev.kiln.nn.batching;
