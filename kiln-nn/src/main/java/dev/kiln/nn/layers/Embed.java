package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.init.Initializer;
import dev.kiln.nn.init.Initializers;

/**
 * Looks up a row of the table {@code E} (nV, nO) for each id; Thinc's {@code Embed}. The input
 * is a 1-d array of ids, or a 2-d array whose {@code column} holds them.
 */
public final class Embed {
  private Embed() {}

  /**
   * @param nO vector width, inferred from sample output when null
   * @param nV number of rows (ids must lie in [0, nV))
   * @param column the input column holding the ids, for 2-d input
   * @param initializer table initializer, uniform in ±0.1 when null
   * @param dropout when set, whole output columns are dropped with this probability in training
   */
  @Registered(category = "layers", name = "Embed.v1")
  public static Model<Ints, Floats> create(
      @Default("null") Integer nO,
      @Default("1") int nV,
      @Default("null") Integer column,
      @Default("null") Initializer initializer,
      @Default("null") Double dropout) {
    Initializer init = initializer != null ? initializer : Initializers.uniformInit(-0.1, 0.1);
    return Model.<Ints, Floats>builder("embed", Embed::forward)
        .dim("nO", nO)
        .dim("nV", nV)
        .params("E")
        .attr("column", column)
        .attr("dropout_rate", dropout)
        .init((model, x, y) -> {
          if (y != null) {
            model.setDim("nO", y.cols());
          }
          model.setParam("E", init.apply(model.rng(), model.getDim("nV"), model.getDim("nO")));
        })
        .build();
  }

  private static ForwardResult<Ints, Floats> forward(Model<Ints, Floats> model, Ints x,
      boolean isTrain) {
    int[] ids = Lookup.ids(model, x);
    int nV = model.getDim("nV");
    for (int id : ids) {
      if (id < 0 || id >= nV) {
        throw new KilnException(ErrorCode.E106, model.name(), "every id", "in [0, " + nV + ")",
            id);
      }
    }
    return Lookup.gather(model, ids, 1, x, isTrain);
  }
}
