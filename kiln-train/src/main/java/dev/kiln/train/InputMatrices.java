package dev.kiln.train;

import dev.kiln.nn.array.Floats;
import java.util.ArrayList;
import java.util.List;

/**
 * The input matrices a component fills from its records, kept between passes so that repeating
 * batch shapes (training batches of 128, evaluation chunks of 1,024) do not allocate and zero
 * megabytes each time.
 *
 * <p>A matrix has one holder at a time: {@link #take} lends a kept matrix of the shape if it is
 * free and a fresh one otherwise, and the holder gives it back when its pass is over. So a
 * pipeline that several threads annotate at once (a server's request threads) never has one
 * thread's records overwrite another's. Contents are undefined; the taker writes every value.
 */
public final class InputMatrices {
  /** Shapes kept: batchers that vary the batch size would otherwise keep a matrix of every size. */
  private static final int MAX_KEPT = 4;

  private final List<Floats> free = new ArrayList<>();

  /** A {@code rows} × {@code cols} matrix that no one else holds until it is given back. */
  public synchronized Floats take(int rows, int cols) {
    for (int i = 0; i < free.size(); i++) {
      Floats kept = free.get(i);
      if (kept.rows() == rows && kept.cols() == cols) {
        return free.remove(i);
      }
    }
    return Floats.zeros(rows, cols);
  }

  /** Takes back a matrix from {@link #take}; its holder must not touch it afterwards. */
  public synchronized void giveBack(Floats matrix) {
    for (Floats kept : free) {
      if (kept.rows() == matrix.rows() && kept.cols() == matrix.cols()) {
        return; // a matrix of this shape is already kept: this one was made while it was lent
      }
    }
    if (free.size() == MAX_KEPT) {
      free.remove(0);
    }
    free.add(matrix);
  }

  /**
   * {@code output}, or a copy of it when it shares {@code input}'s values (a model that passes
   * its input through), so that giving {@code input} back cannot change what the caller holds.
   */
  public static Floats detached(Floats output, Floats input) {
    return output.data() == input.data() ? output.copy() : output;
  }
}
