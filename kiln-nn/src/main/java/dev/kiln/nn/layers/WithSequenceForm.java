package dev.kiln.nn.layers;

import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import java.util.List;
import java.util.function.Function;

/**
 * Thinc's {@code with_ragged}, {@code with_padded} and {@code with_list}: run a layer that
 * wants one form of sequence batch on a batch in any form, converting on the way in and back on
 * the way out (and the same for gradients).
 */
public final class WithSequenceForm {
  private WithSequenceForm() {}

  /** Runs {@code layer} (Ragged → Ragged) on lists, ragged or padded batches. */
  @Registered(category = "layers", name = "with_ragged.v1")
  public static <T> Model<T, T> withRagged(Model<?, ?> layer) {
    return create("with_ragged", layer, SequenceForms::toRagged);
  }

  /** Runs {@code layer} (Padded → Padded) on lists, ragged or padded batches. */
  @Registered(category = "layers", name = "with_padded.v1")
  public static <T> Model<T, T> withPadded(Model<?, ?> layer) {
    return create("with_padded", layer, SequenceForms::toPadded);
  }

  /** Runs {@code layer} (list → list of 2-d arrays) on lists, ragged or padded batches. */
  @Registered(category = "layers", name = "with_list.v1")
  public static <T> Model<T, T> withList(Model<?, ?> layer) {
    return create("with_list", layer, SequenceForms::toList);
  }

  @SuppressWarnings("unchecked")
  private static <T> Model<T, T> create(String name, Model<?, ?> layer,
      Function<Object, Object> convert) {
    // The child is read from the model, not captured, so that a copy runs its own child.
    return Model.<T, T>builder(name, (model, x, isTrain) -> {
      Model<Object, Object> inner = (Model<Object, Object>) model.layers().get(0);
      ForwardResult<Object, Object> r = inner.call(convert.apply(x), isTrain);
      T y = (T) SequenceForms.asFormOf(x, r.output());
      return new ForwardResult<>(y, dY -> (T) SequenceForms.asFormOf(x,
          r.backprop().apply(convert.apply(dY))));
    }).init((model, x, y) -> {
      Model<Object, Object> inner = (Model<Object, Object>) model.layers().get(0);
      inner.initialize(x == null ? null : convert.apply(x), y == null ? null : convert.apply(y));
      inner.maybeDim("nO").ifPresent(nO -> model.setDim("nO", nO));
      inner.maybeDim("nI").ifPresent(nI -> model.setDim("nI", nI));
    }).dim("nO", null).dim("nI", null).layers(List.of(layer)).build();
  }
}
