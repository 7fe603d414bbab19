package dev.kiln.train;

/**
 * Called on the pipeline just before or just after it is initialized (spaCy's
 * {@code [initialize] before_init} and {@code after_init}); a resumed run is not initialized, so
 * neither is called then.
 */
@FunctionalInterface
public interface InitCallback {
  void call(Pipeline<?> pipeline);
}
