package dev.kiln.train;

/**
 * A named step of a pipeline. What a component can do is said by the capability interfaces it
 * implements: {@link Trainable}, {@link Annotator}, {@link Scorer}.
 */
public interface Component<D extends Datum> {
  String name();
}
