package dev.kiln.nn.array;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The sequences of a {@link Ragged} as a list of 2-d arrays, each copied out of the ragged
 * data when first asked for.
 *
 * <p>Text models turn a batch from a list of arrays into a ragged array and back several times a
 * step (every {@code with_array}, {@code list2ragged} and {@code ragged2list}, forward and
 * backward), and most of those lists are only ever stacked again. Made eagerly, the copies were
 * an eighth of what a text CNN allocated. This list copies nothing until an element is read, and
 * while none has been, {@link #untouched} lets the next stacking take {@link #source} as it is.
 */
public final class RaggedSequences extends AbstractList<Floats> implements RandomAccess {
  private final Ragged source;
  private final int[] starts;
  private final Floats[] parts;
  private boolean touched;

  public RaggedSequences(Ragged source) {
    this.source = source;
    this.starts = source.starts();
    this.parts = new Floats[source.size()];
  }

  /** The ragged array this list reads its sequences from. */
  public Ragged source() {
    return source;
  }

  /**
   * True while no element has been read: no caller can hold (and so change) an element, and
   * the list's contents are exactly {@link #source}'s.
   */
  public synchronized boolean untouched() {
    return !touched;
  }

  /** Sequence {@code index}, a copy of its rows (the same copy on every call). */
  @Override
  public synchronized Floats get(int index) {
    touched = true;
    Floats part = parts[index];
    if (part == null) {
      int width = source.width();
      int rows = starts[index + 1] - starts[index];
      float[] values = new float[rows * width];
      System.arraycopy(source.data().data(), starts[index] * width, values, 0, values.length);
      part = Floats.of(values, rows, width);
      parts[index] = part;
    }
    return part;
  }

  @Override
  public int size() {
    return parts.length;
  }
}
