package dev.kiln.train.log;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import java.nio.file.Path;
import java.util.List;

/** The registered loggers ({@code [training.logger]}). */
public final class Loggers {
  private Loggers() {}

  /** spaCy's console table, with a progress bar on a terminal. */
  @Registered(category = "loggers", name = "kiln.ConsoleLogger.v1")
  public static TrainLogger console(@Default("true") boolean progress_bar) {
    return new ConsoleLogger(progress_bar);
  }

  /** The same logger under spaCy's name, so spaCy configs resolve. */
  @Registered(category = "loggers", name = "spacy.ConsoleLogger.v1")
  public static TrainLogger spacyConsole(@Default("false") boolean progress_bar) {
    return new ConsoleLogger(progress_bar);
  }

  /** One JSON object per evaluation, in a file relative to the output directory. */
  @Registered(category = "loggers", name = "kiln.JsonlLogger.v1")
  public static TrainLogger jsonl(@Default("\"training-log.jsonl\"") Path path) {
    return new JsonlLogger(path);
  }

  /** One CSV row per evaluation, in a file relative to the output directory. */
  @Registered(category = "loggers", name = "kiln.CsvLogger.v1")
  public static TrainLogger csv(@Default("\"training-log.csv\"") Path path) {
    return new CsvLogger(path);
  }

  /** Several loggers at once, given as positional sections {@code [training.logger.*.name]}. */
  @Registered(category = "loggers", name = "kiln.ChainLogger.v1")
  public static TrainLogger chain(TrainLogger... loggers) {
    return new ChainLogger(List.of(loggers));
  }
}
