package dev.kiln.train;

/**
 * Called on the pipeline before each save (spaCy's {@code before_to_disk}): may change what the
 * components will write, such as dropping training-only state.
 */
@FunctionalInterface
public interface BeforeToDisk {
  BeforeToDisk NONE = pipeline -> {};

  void call(Pipeline<?> pipeline);
}
