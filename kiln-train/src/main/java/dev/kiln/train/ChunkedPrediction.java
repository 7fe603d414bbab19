package dev.kiln.train;

import dev.kiln.nn.array.Floats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How components annotate many records: a chunk at a time through their model (so memory stays
 * bounded and matrix products stay large), then each record with its own row of the output.
 */
public final class ChunkedPrediction {
  /** Records predicted together. */
  public static final int CHUNK = 1024;

  private ChunkedPrediction() {}

  /**
   * {@code records} annotated: {@code predict} gives one output row per record of a chunk, and
   * {@code annotate} makes the annotated record from a record and (a copy of) its row.
   */
  public static <R> List<R> annotate(
      List<R> records, Function<List<R>, Floats> predict, BiFunction<R, float[], R> annotate) {
    return annotate(records, CHUNK, predict, annotate);
  }

  /**
   * As {@link #annotate(List, Function, BiFunction)} with {@code chunkSize} records a chunk, for
   * records as large as whole documents, whose per-token activations for 1,024 of them can
   * take gigabytes.
   */
  public static <R> List<R> annotate(List<R> records, int chunkSize,
      Function<List<R>, Floats> predict, BiFunction<R, float[], R> annotate) {
    List<R> annotated = new ArrayList<>(records.size());
    for (int start = 0; start < records.size(); start += chunkSize) {
      List<R> chunk = records.subList(start, Math.min(records.size(), start + chunkSize));
      Floats outputs = predict.apply(chunk);
      int width = outputs.cols();
      for (int row = 0; row < chunk.size(); row++) {
        float[] values = Arrays.copyOfRange(outputs.data(), row * width, (row + 1) * width);
        annotated.add(annotate.apply(chunk.get(row), values));
      }
    }
    return annotated;
  }

  /**
   * {@code records} annotated {@code chunkSize} at a time, where {@code predict} gives one
   * output per record of a chunk (such as a document's per-token scores) and {@code annotate}
   * makes the annotated record from a record and its output.
   */
  public static <R, O> List<R> annotateEach(List<R> records, int chunkSize,
      Function<List<R>, List<O>> predict, BiFunction<R, O, R> annotate) {
    List<R> annotated = new ArrayList<>(records.size());
    for (int start = 0; start < records.size(); start += chunkSize) {
      List<R> chunk = records.subList(start, Math.min(records.size(), start + chunkSize));
      List<O> outputs = predict.apply(chunk);
      for (int i = 0; i < chunk.size(); i++) {
        annotated.add(annotate.apply(chunk.get(i), outputs.get(i)));
      }
    }
    return annotated;
  }
}
