package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code concatenate} of HashEmbed layers runs as one pass ({@link HashEmbed#concatenated}); it
 * must give exactly what running each layer on its own and joining their outputs gives: outputs,
 * table gradients and dropout masks, over several steps.
 */
class HashEmbedConcatTest {
  // Enough rows that the pool splits the lookups (128 rows a task for 8 columns).
  private static final int ROWS = 300;
  private static final int COLUMNS = 3;

  @Test
  void joinedLookupsEqualTheLayersRunOneByOne() {
    Model<Ints, Floats> fused = Concatenate.create(tables());
    Model<Ints, Floats> byHand = Concatenate.create(tables());
    assertThat(HashEmbed.allHashEmbeds(fused.layers())).isTrue();
    Ints sample = ids(new Rng(1));
    fused.initialize(sample, null, 7);
    byHand.initialize(sample, null, 7);
    Rng data = new Rng(2);
    for (int step = 0; step < 3; step++) {
      Ints x = ids(data);
      ForwardResult<Ints, Floats> joined = fused.beginUpdate(x);
      int width = joined.output().cols();
      Floats dY = gradient(data, width);
      float[] expected = new float[ROWS * width];
      int offset = 0;
      for (Model<?, ?> layer : byHand.layers()) {
        @SuppressWarnings("unchecked")
        ForwardResult<Ints, Floats> part = ((Model<Ints, Floats>) layer).call(x, true);
        int cols = part.output().cols();
        Floats slice = Floats.zeros(ROWS, cols);
        for (int i = 0; i < ROWS; i++) {
          System.arraycopy(part.output().data(), i * cols, expected, i * width + offset, cols);
          System.arraycopy(dY.data(), i * width + offset, slice.data(), i * cols, cols);
        }
        part.backprop().apply(slice);
        offset += cols;
      }
      assertThat(joined.output().data()).containsExactly(expected);
      Ints dX = joined.backprop().apply(dY);
      assertThat(dX.shape()).containsExactly(ROWS, COLUMNS);
      assertThat(dX.data()).containsOnly(0);
    }
    for (int t = 0; t < COLUMNS; t++) {
      assertThat(fused.layers().get(t).grad("E").data())
          .containsExactly(byHand.layers().get(t).grad("E").data());
    }
  }

  @Test
  void aConcatenationWithAnotherKindOfLayerRunsThemOneByOne() {
    assertThat(HashEmbed.allHashEmbeds(List.of(HashEmbed.create(4, 10, 1, 0, null, null),
        Embed.create(4, 10, 1, null, null)))).isFalse();
    assertThat(HashEmbed.allHashEmbeds(List.of())).isFalse();
  }

  /** Three tables on three columns: one with its own seed, one with column dropout. */
  private static List<Model<?, ?>> tables() {
    return List.of(
        HashEmbed.create(8, 50, null, 0, null, null),
        HashEmbed.create(6, 40, null, 1, null, 0.25),
        HashEmbed.create(8, 30, 17, 2, null, null));
  }

  private static Ints ids(Rng rng) {
    int[] values = new int[ROWS * COLUMNS];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextInt(1000);
    }
    return Ints.of(values, ROWS, COLUMNS);
  }

  private static Floats gradient(Rng rng, int width) {
    float[] values = new float[ROWS * width];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) rng.nextGaussian();
    }
    return Floats.of(values, ROWS, width);
  }
}
