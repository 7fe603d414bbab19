package dev.kiln.train;

/** Scores the pipeline on the dev corpus: the main score and every score by name. */
@FunctionalInterface
public interface Evaluator {
  EvalResult evaluate();
}
