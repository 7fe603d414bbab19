/**
 * Hyperparameter schedules as pure functions of the step, with Thinc's names and values
 * ({@code compounding.v1}, {@code warmup_linear.v1}, ...) plus Thinc 9's {@code plateau.v1} and
 * kiln's {@code kiln.cosine.v1}.
 */
package dev.kiln.nn.schedules;
