package dev.kiln.train;

/** Called before every update with the step and epoch (spaCy's {@code before_update} callback). */
@FunctionalInterface
public interface BeforeUpdate {
  BeforeUpdate NONE = (pipeline, step, epoch) -> {};

  void call(Pipeline<?> pipeline, long step, int epoch);
}
