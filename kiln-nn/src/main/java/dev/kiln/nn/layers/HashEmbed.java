package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.Forward;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.init.Initializer;
import dev.kiln.nn.init.Initializers;
import dev.kiln.nn.ops.MurmurHash;
import dev.kiln.nn.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedding table addressed by the hashing trick: each key is hashed four times (MurmurHash3
 * with the layer's seed, as Thinc does), each hash picks a row modulo nV, and the four rows are
 * summed; Thinc's {@code HashEmbed}. Keys are ints, hashed as Thinc hashes them as uint64.
 */
public final class HashEmbed {
  /** HashEmbed's forward pass, to recognise a layer as one ({@link Model#runs}). */
  private static final Forward<Ints, Floats> FORWARD = HashEmbed::forward;

  private HashEmbed() {}

  /**
   * @param nO vector width
   * @param nV number of rows
   * @param seed hash seed; when null, drawn from the layer's seeded stream at initialize
   * @param column the input column holding the keys, for 2-d input
   * @param initializer table initializer, uniform in ±0.1 when null
   * @param dropout when set, whole output columns are dropped with this probability in training
   */
  @Registered(category = "layers", name = "HashEmbed.v1")
  public static Model<Ints, Floats> create(
      int nO,
      int nV,
      @Default("null") Integer seed,
      @Default("null") Integer column,
      @Default("null") Initializer initializer,
      @Default("null") Double dropout) {
    Initializer init = initializer != null ? initializer : Initializers.uniformInit(-0.1, 0.1);
    return Model.<Ints, Floats>builder("hashembed", FORWARD)
        .dim("nO", nO)
        .dim("nV", nV)
        .params("E")
        .attr("seed", seed)
        .attr("column", column)
        .attr("dropout_rate", dropout)
        .init((model, x, y) -> {
          if (model.attrs().get("seed") == null) {
            model.attrs().put("seed", (int) model.rng().nextLong());
          }
          model.setParam("E", init.apply(model.rng(), model.getDim("nV"), model.getDim("nO")));
        })
        .build();
  }

  private static ForwardResult<Ints, Floats> forward(Model<Ints, Floats> model, Ints x,
      boolean isTrain) {
    return Lookup.gather(model, tableRows(model, x), 4, x, isTrain);
  }

  /**
   * Thinc's {@code concatenate} of HashEmbed layers on the same ids, as one pass: each table's
   * lookups are summed straight into their columns of the joined output, and each gradient is
   * read from its columns of the joined gradient, instead of being copied to and from separate
   * arrays (a text CNN's embedding copies). Same values and random draws, in the same order, as
   * the plain {@link Concatenate}.
   */
  static ForwardResult<Ints, Floats> concatenated(List<Model<Ints, Floats>> tables, Ints x,
      boolean isTrain) {
    int width = 0;
    for (Model<Ints, Floats> table : tables) {
      width += table.getParam("E").cols();
    }
    int stride = width;
    int rows = x.shape().length == 1 ? x.size() : x.rows();
    Floats y = Floats.zeros(rows, width);
    List<Lookup.BlockGradient> gradients = new ArrayList<>();
    int[] offsets = new int[tables.size()];
    int offset = 0;
    for (int t = 0; t < tables.size(); t++) {
      Model<Ints, Floats> table = tables.get(t);
      offsets[t] = offset;
      gradients.add(Lookup.gatherInto(table, tableRows(table, x), 4, isTrain, y.data(), offset,
          stride));
      offset += table.getParam("E").cols();
    }
    return new ForwardResult<>(y, dY -> {
      for (int t = 0; t < gradients.size(); t++) {
        gradients.get(t).scatter(dY.data(), offsets[t], stride);
      }
      return Lookup.noGradient(x);
    });
  }

  /** Whether every layer is a HashEmbed (so {@link #concatenated} can join them). */
  static boolean allHashEmbeds(List<Model<?, ?>> layers) {
    for (Model<?, ?> layer : layers) {
      if (!layer.runs(FORWARD)) {
        return false;
      }
    }
    return !layers.isEmpty();
  }

  /** The four table rows each id hashes to, four per id. */
  private static int[] tableRows(Model<Ints, Floats> model, Ints x) {
    int[] ids = Lookup.ids(model, x);
    int seed = ((Number) model.attrs().get("seed")).intValue();
    long nV = model.getDim("nV");
    int[] hashes = new int[ids.length * 4];
    Ops.get().pool().parallelFor(ids.length, 256, (from, to) -> {
      for (int i = from; i < to; i++) {
        // Thinc hashes the key as an unsigned 64-bit integer.
        MurmurHash.hash128(ids[i], seed, hashes, i * 4);
      }
      for (int i = from * 4; i < to * 4; i++) {
        hashes[i] = (int) (Integer.toUnsignedLong(hashes[i]) % nV);
      }
    });
    return hashes;
  }
}
