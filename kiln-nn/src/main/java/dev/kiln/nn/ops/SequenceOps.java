package dev.kiln.nn.ops;

import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.array.Padded;
import dev.kiln.nn.array.Ragged;
import dev.kiln.nn.array.RaggedSequences;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Operations on variable-length sequences held as {@link Ragged} (rows concatenated plus
 * lengths) or {@link Padded}: windows (Thinc's {@code seq2col}), per-sequence reductions,
 * padding and unpadding, each with its backward pass.
 */
public final class SequenceOps {
  private SequenceOps() {}

  /** Rows per pool task for windows: enough copying that a task outweighs handing it out. */
  private static final int WINDOW_GRAIN = 64;

  /**
   * Concatenates each row with the {@code nW} rows before and after it in the same sequence
   * (zeros past a sequence's ends): (M, I) becomes (M, (2·nW + 1)·I), left context first.
   */
  public static Floats seq2col(Floats x, int nW, Ints lengths) {
    return seq2col(x, nW, lengths, Ops.get().pool());
  }

  /** {@link #seq2col(Floats, int, Ints)} with rows split over {@code pool}. */
  static Floats seq2col(Floats x, int nW, Ints lengths, WorkPool pool) {
    int rows = x.rows();
    int width = x.cols();
    int nF = 2 * nW + 1;
    Floats out = Floats.zeros(rows, nF * width);
    float[] src = x.data();
    float[] dst = out.data();
    int[] lens = lengths == null ? new int[] {rows} : lengths.data();
    // A window's rows are consecutive rows of the input: one copy per row.
    pool.parallelFor(rows, WINDOW_GRAIN, (from, to) ->
        forEachWindow(from, to, nW, lens, (row, first, end) ->
            System.arraycopy(src, first * width, dst, (row * nF + first - row + nW) * width,
                (end - first) * width)));
    return out;
  }

  /**
   * The gradient of {@link #seq2col}: sums each window slot back onto its source row. Each row
   * gathers the slots that copied it, in the order of the windows' rows, so rows can be split
   * over the pool.
   */
  public static Floats backpropSeq2col(Floats dY, int nW, Ints lengths) {
    return backpropSeq2col(dY, nW, lengths, Ops.get().pool());
  }

  /** {@link #backpropSeq2col(Floats, int, Ints)} with rows split over {@code pool}. */
  static Floats backpropSeq2col(Floats dY, int nW, Ints lengths, WorkPool pool) {
    int nF = 2 * nW + 1;
    int rows = dY.rows();
    int width = dY.cols() / nF;
    Floats dX = Floats.zeros(rows, width);
    float[] src = dY.data();
    float[] dst = dX.data();
    int[] lens = lengths == null ? new int[] {rows} : lengths.data();
    // The window of row w holds row r in slot (r - w + nW); the windows holding r are those of
    // its neighbours, visited in row order as seq2col's windows were.
    pool.parallelFor(rows, WINDOW_GRAIN, (from, to) ->
        forEachWindow(from, to, nW, lens, (row, first, end) -> {
          int target = row * width;
          for (int window = first; window < end; window++) {
            int slot = (window * nF + row - window + nW) * width;
            for (int j = 0; j < width; j++) {
              dst[target + j] += src[slot + j];
            }
          }
        }));
    return dX;
  }

  private interface WindowVisitor {
    /** Row {@code row}'s neighbours in its sequence are rows {@code [first, end)}. */
    void visit(int row, int first, int end);
  }

  /**
   * Visits each row in {@code [from, to)} with the rows within {@code nW} of it in its own
   * sequence.
   */
  private static void forEachWindow(int from, int to, int nW, int[] lens, WindowVisitor visitor) {
    int sequence = 0;
    int start = 0;
    int end = lens.length == 0 ? 0 : lens[0];
    for (int row = from; row < to; row++) {
      while (row >= end) {
        sequence++;
        start = end;
        end += lens[sequence];
      }
      visitor.visit(row, Math.max(start, row - nW), Math.min(end, row + nW + 1));
    }
  }

  /** The sum of each sequence's rows: (sequences, width). */
  public static Floats reduceSum(Ragged x) {
    return reduce(x, false);
  }

  /** The mean of each sequence's rows (zeros for an empty sequence): (sequences, width). */
  public static Floats reduceMean(Ragged x) {
    return reduce(x, true);
  }

  private static Floats reduce(Ragged x, boolean mean) {
    int width = x.width();
    int[] starts = x.starts();
    Floats out = Floats.zeros(x.size(), width);
    float[] src = x.data().data();
    float[] dst = out.data();
    // Sequences are independent, each summed in row order by one task.
    Ops.get().pool().parallelFor(x.size(), 4, (first, end) -> {
      for (int s = first; s < end; s++) {
        for (int r = starts[s]; r < starts[s + 1]; r++) {
          for (int j = 0; j < width; j++) {
            dst[s * width + j] += src[r * width + j];
          }
        }
        int length = starts[s + 1] - starts[s];
        if (mean && length > 0) {
          Kernels.scale(dst, s * width, width, 1, width, 1f / length);
        }
      }
    });
    return out;
  }

  /** The gradient of {@link #reduceSum} (or, with {@code mean}, {@link #reduceMean}). */
  public static Floats backpropReduce(Floats dY, Ints lengths, boolean mean) {
    int width = dY.cols();
    int[] lens = lengths.data();
    int[] starts = Ragged.starts(lens);
    Floats dX = Floats.zeros(starts[lens.length], width);
    float[] src = dY.data();
    float[] dst = dX.data();
    Ops.get().pool().parallelFor(lens.length, 4, (first, end) -> {
      for (int s = first; s < end; s++) {
        float factor = mean ? 1f / Math.max(lens[s], 1) : 1f;
        for (int row = starts[s]; row < starts[s + 1]; row++) {
          for (int j = 0; j < width; j++) {
            dst[row * width + j] = src[s * width + j] * factor;
          }
        }
      }
    });
    return dX;
  }

  /** The element-wise max of each sequence's rows and the row that won each column. */
  public record MaxResult(Floats max, int[] which) {}

  /**
   * The element-wise max over each sequence; an empty sequence gives zeros (and is never the
   * source of a gradient).
   */
  public static MaxResult reduceMax(Ragged x) {
    int width = x.width();
    int[] starts = x.starts();
    Floats out = Floats.zeros(x.size(), width);
    int[] which = new int[x.size() * width];
    Arrays.fill(which, -1);
    float[] src = x.data().data();
    float[] dst = out.data();
    for (int s = 0; s < x.size(); s++) {
      for (int r = starts[s]; r < starts[s + 1]; r++) {
        for (int j = 0; j < width; j++) {
          int o = s * width + j;
          if (r == starts[s] || src[r * width + j] > dst[o]) {
            dst[o] = src[r * width + j];
            which[o] = r;
          }
        }
      }
    }
    return new MaxResult(out, which);
  }

  /** The gradient of {@link #reduceMax}: each column's gradient goes to the row that won. */
  public static Floats backpropReduceMax(Floats dY, int[] which, int totalRows) {
    int width = dY.cols();
    Floats dX = Floats.zeros(totalRows, width);
    float[] src = dY.data();
    float[] dst = dX.data();
    for (int o = 0; o < which.length; o++) {
      if (which[o] >= 0) {
        dst[which[o] * width + o % width] += src[o];
      }
    }
    return dX;
  }

  /** Rows per pool task when copying sequences: enough bytes to outweigh handing a task out. */
  private static final int COPY_GRAIN = 1024;

  /**
   * Stacks 2-d arrays of equal width into one, with their row counts as lengths. The rows are
   * copied on the pool, split by output rows (documents differ in length by orders of magnitude);
   * a list {@link #unflatten} made that no one has read gives back its ragged array, uncopied.
   */
  public static Ragged flatten(List<Floats> arrays) {
    return flatten(arrays, Ops.get().pool());
  }

  /** {@link #flatten(List)} with the copies split over {@code pool}. */
  static Ragged flatten(List<Floats> arrays, WorkPool pool) {
    if (arrays instanceof RaggedSequences sequences && sequences.untouched()) {
      return sequences.source();
    }
    int width = arrays.isEmpty() ? 0 : arrays.get(0).cols();
    int[] lengths = new int[arrays.size()];
    for (int i = 0; i < arrays.size(); i++) {
      Floats a = arrays.get(i);
      if (a.cols() != width && a.rows() > 0) {
        throw new IllegalArgumentException("arrays of different widths: " + width + " and "
            + a.cols());
      }
      lengths[i] = a.rows();
    }
    int[] starts = Ragged.starts(lengths);
    int total = starts[arrays.size()];
    Floats data = Floats.zeros(total, width);
    float[] out = data.data();
    pool.parallelFor(total, COPY_GRAIN, (from, to) -> {
      for (int i = 0; i < lengths.length; i++) {
        int first = Math.max(from, starts[i]);
        int end = Math.min(to, starts[i + 1]);
        if (first < end) {
          System.arraycopy(arrays.get(i).data(), (first - starts[i]) * width, out, first * width,
              (end - first) * width);
        }
      }
    });
    return new Ragged(data, Ints.of(lengths));
  }

  /**
   * Splits a ragged array back into one 2-d array per sequence. Nothing is copied until a
   * sequence is read ({@link RaggedSequences}), and a list no one has read is stacked again by
   * {@link #flatten} for free.
   */
  public static List<Floats> unflatten(Ragged x) {
    return new RaggedSequences(x);
  }

  /** Pads sequences with zero rows to the longest: (batch, maxLength, width). */
  public static Padded pad(List<Floats> seqs) {
    int width = seqs.isEmpty() ? 0 : seqs.get(0).cols();
    int maxLength = 0;
    int[] lengths = new int[seqs.size()];
    for (int i = 0; i < seqs.size(); i++) {
      lengths[i] = seqs.get(i).rows();
      maxLength = Math.max(maxLength, lengths[i]);
    }
    Floats data = Floats.zeros(seqs.size(), maxLength, width);
    for (int i = 0; i < seqs.size(); i++) {
      System.arraycopy(seqs.get(i).data(), 0, data.data(), i * maxLength * width,
          lengths[i] * width);
    }
    return new Padded(data, Ints.of(lengths));
  }

  /** The sequences of a padded batch without their padding. */
  public static List<Floats> unpad(Padded padded) {
    Floats data = padded.data();
    int maxLength = data.dim(1);
    int width = data.dim(2);
    List<Floats> out = new ArrayList<>();
    for (int i = 0; i < padded.lengths().size(); i++) {
      int rows = padded.lengths().get(i);
      float[] part = new float[rows * width];
      System.arraycopy(data.data(), i * maxLength * width, part, 0, part.length);
      out.add(Floats.of(part, rows, width));
    }
    return out;
  }
}
