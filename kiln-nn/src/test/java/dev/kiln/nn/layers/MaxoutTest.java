package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxoutTest {
  private static final int ROWS = 6;
  private static final int NO = 5;
  private static final int NI = 4;

  /** Piece {@code p} of output {@code o} for row {@code r}, in double: the reference. */
  private static double piece(Model<Floats, Floats> maxout, Floats x, int r, int o, int p, int nP) {
    float[] w = maxout.getParam("W").data();
    double sum = maxout.getParam("b").data()[o * nP + p];
    for (int i = 0; i < NI; i++) {
      sum += (double) x.data()[r * NI + i] * w[(o * nP + p) * NI + i];
    }
    return sum;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void eachOutputIsItsBestPieceAndTiesGoToTheFirst(int nP) {
    Floats x = Structures.gaussian(new Rng(11), 1, ROWS, NI);
    Model<Floats, Floats> maxout = Maxout.create(NO, NI, nP, null, null, null, false)
        .initialize(x, null, 3);
    if (nP > 1) {
      // Output 0's last two pieces are equal and far ahead: the earlier one must win.
      float[] w = maxout.getParam("W").data();
      System.arraycopy(w, (nP - 2) * NI, w, (nP - 1) * NI, NI);
      maxout.getParam("b").data()[nP - 2] = 100f;
      maxout.getParam("b").data()[nP - 1] = 100f;
    }
    ForwardResult<Floats, Floats> result = maxout.beginUpdate(x);
    float[] expectedDb = new float[NO * nP];
    for (int r = 0; r < ROWS; r++) {
      for (int o = 0; o < NO; o++) {
        int best = 0;
        for (int p = 1; p < nP; p++) {
          best = piece(maxout, x, r, o, p, nP) > piece(maxout, x, r, o, best, nP) ? p : best;
        }
        assertThat(result.output().data()[r * NO + o])
            .isCloseTo((float) piece(maxout, x, r, o, best, nP), within(1e-4f));
        expectedDb[o * nP + best] += 1f;
      }
    }
    float[] ones = new float[ROWS * NO];
    java.util.Arrays.fill(ones, 1f);
    result.backprop().apply(Floats.of(ones, ROWS, NO));
    // The bias gradient counts the rows each piece won.
    assertThat(maxout.grad("b").data()).containsExactly(expectedDb);
    if (nP > 1) {
      assertThat(expectedDb[nP - 2]).isEqualTo(ROWS);
    }
  }
}
