package dev.kiln.nn;

/** A layer's forward pass: Thinc's {@code forward(model, X, is_train) -> (Y, backprop)}. */
@FunctionalInterface
public interface Forward<I, O> {
  ForwardResult<I, O> apply(Model<I, O> model, I x, boolean isTrain);
}
