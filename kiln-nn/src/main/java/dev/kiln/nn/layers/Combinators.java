package dev.kiln.nn.layers;

import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Padded;
import dev.kiln.nn.array.Ragged;
import dev.kiln.nn.ops.Kernels;
import dev.kiln.nn.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/** What the combinators that feed one input to several layers share. */
final class Combinators {
  private Combinators() {}

  /** Initializes every child on the same sample input; sets nI and the summed or shared nO. */
  @SuppressWarnings("unchecked")
  static <I, O> void initSameInput(Model<I, O> model, I x, O y) {
    int widths = 0;
    boolean allWidths = true;
    for (Model<?, ?> layer : model.layers()) {
      ((Model<Object, Object>) layer).initialize(x, null);
      if (layer.maybeDim("nO").isPresent()) {
        widths += layer.getDim("nO");
      } else {
        allWidths = false;
      }
    }
    if (x instanceof Floats floats && model.dims().containsKey("nI")) {
      model.setDim("nI", floats.cols());
    }
    if (allWidths && model.dims().containsKey("nO") && model.name().equals("concatenate")) {
      model.setDim("nO", widths);
    }
  }

  /**
   * The sum of two gradients of the same input (null meaning none yet): arrays, ragged arrays,
   * padded arrays and lists of arrays add element-wise.
   */
  @SuppressWarnings("unchecked")
  static Object sumGradients(Object a, Object b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a instanceof Floats fa && b instanceof Floats fb) {
      Floats out = Floats.zeros(fa.shape());
      Ops.get().pool().parallelFor(out.size(), 1 << 14,
          (from, to) -> Kernels.add(fa.data(), fb.data(), out.data(), from, to));
      return out;
    }
    if (a instanceof Ragged ra && b instanceof Ragged rb) {
      return ra.withData((Floats) sumGradients(ra.data(), rb.data()));
    }
    if (a instanceof Padded pa && b instanceof Padded pb) {
      return new Padded((Floats) sumGradients(pa.data(), pb.data()), pa.lengths());
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      List<Object> out = new ArrayList<>(la.size());
      for (int i = 0; i < la.size(); i++) {
        out.add(sumGradients(la.get(i), lb.get(i)));
      }
      return out;
    }
    // Inputs without a gradient (ids): keep the first.
    return a;
  }
}
