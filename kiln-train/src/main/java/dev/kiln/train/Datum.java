package dev.kiln.train;

/**
 * One record a pipeline reads and annotates: a document, an image, a table row.
 *
 * <p>Its length is what the training loop counts as words (tokens for text, 1 for an image or a
 * row) and what {@code accumulate_gradient} sorts sub-batches by.
 */
public interface Datum {
  /** Tokens for text; 1 for records without a length. */
  int length();
}
