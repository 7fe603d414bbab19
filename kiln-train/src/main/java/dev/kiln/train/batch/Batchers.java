package dev.kiln.train.batch;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.RejectedArgument;
import dev.kiln.config.Registered;
import dev.kiln.nn.schedules.Schedule;
import dev.kiln.train.Batcher;
import dev.kiln.train.Datum;

/**
 * The registered batchers ({@code [training.batcher]}), under kiln's names and spaCy's, so spaCy
 * configs resolve. Sizes are numbers or schedules, read once per batch. spaCy's {@code get_length}
 * (a Python callable) is accepted only as {@code null}: a record's length is its own.
 */
public final class Batchers {
  private Batchers() {}

  @Registered(category = "batchers", name = "kiln.batch_by_words.v1")
  public static <D extends Datum> Batcher<D> byWords(
      Schedule size, @Default("0.2") double tolerance, @Default("false") boolean discard_oversize) {
    return new BatchByWords<>(checked(size)::valueAt, tolerance, discard_oversize);
  }

  @Registered(category = "batchers", name = "spacy.batch_by_words.v1")
  public static <D extends Datum> Batcher<D> spacyByWords(
      Schedule size, @Default("0.2") double tolerance, @Default("false") boolean discard_oversize,
      @Default("null") Object get_length) {
    requireNoLengthFunction(get_length);
    return byWords(size, tolerance, discard_oversize);
  }

  @Registered(category = "batchers", name = "kiln.batch_by_sequence.v1")
  public static <D extends Datum> Batcher<D> bySequence(Schedule size) {
    return new BatchBySequence<>(checked(size)::valueAt);
  }

  @Registered(category = "batchers", name = "spacy.batch_by_sequence.v1")
  public static <D extends Datum> Batcher<D> spacyBySequence(Schedule size, @Default("null") Object get_length) {
    requireNoLengthFunction(get_length);
    return bySequence(size);
  }

  @Registered(category = "batchers", name = "kiln.batch_by_padded.v1")
  public static <D extends Datum> Batcher<D> byPadded(
      Schedule size, @Default("256") int buffer, @Default("false") boolean discard_oversize) {
    return new BatchByPadded<>(checked(size)::valueAt, buffer, discard_oversize);
  }

  @Registered(category = "batchers", name = "spacy.batch_by_padded.v1")
  public static <D extends Datum> Batcher<D> spacyByPadded(
      Schedule size, @Default("256") int buffer, @Default("false") boolean discard_oversize,
      @Default("null") Object get_length) {
    requireNoLengthFunction(get_length);
    return byPadded(size, buffer, discard_oversize);
  }

  /**
   * {@code size}, refused when its first value is below 1: a size of 0 would make no batches
   * (spaCy's then stops with an empty stream).
   *
   * @throws KilnException E180
   */
  private static Schedule checked(Schedule size) {
    double first = size.valueAt(0);
    if (!(first >= 1)) {
      throw new RejectedArgument("size", ErrorCode.E180, "size", "at least 1", first);
    }
    return size;
  }

  private static void requireNoLengthFunction(Object getLength) {
    if (getLength != null) {
      throw new KilnException(ErrorCode.E206, getLength);
    }
  }
}
