package dev.kiln.train;

import dev.kiln.config.Config;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.config.Section;
import dev.kiln.train.disk.PipelineDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code kiln evaluate} and {@code kiln predict}: load a trained pipeline and score or annotate a
 * data file, read by the reader of the pipeline's own {@code [corpora.dev]} with
 * {@code paths.dev} pointing at the file.
 */
public final class Evaluation {
  /** Records annotated at a time by {@link #predict}: enough for fast batches, bounded memory. */
  private static final int PREDICT_BATCH = 1000;

  private Evaluation() {}

  /** Every score of the pipeline at {@code model} on {@code data}, plus {@code speed}. */
  public static <D extends Datum> Map<String, Object> evaluate(Path model, Path data, Registries registries,
      Map<String, Object> readerOverrides) {
    PipelineDirectory.Loaded<D> loaded = PipelineDirectory.loadWithConfig(model, registries);
    Pipeline<D> pipeline = loaded.pipeline();
    Corpus<D> corpus = dataOf(loaded.config(), model, data, registries, readerOverrides);
    List<Example<D>> examples = new ArrayList<>();
    corpus.read().forEach(examples::add);
    if (examples.isEmpty()) {
      throw new KilnException(ErrorCode.E408, data);
    }
    return pipeline.evaluateWithSpeed(examples);
  }

  /**
   * {@code data} as the reader of {@code savedConfig}'s {@code [corpora.dev]} (the config of the
   * pipeline at {@code model}, as loaded with its weights) reads it, with
   * {@code paths.dev} pointing at it and {@code readerOverrides} applied to the reader's
   * settings ({@code corpora.dev.on_bad_row = "warn"}).
   *
   * @throws KilnException E409 for an override of anything but the reader
   */
  public static <D extends Datum> Corpus<D> dataOf(Config savedConfig, Path model, Path data, Registries registries,
      Map<String, Object> readerOverrides) {
    boolean hasDevPath = savedConfig.root().section("paths").map(paths -> paths.has("dev")).orElse(false);
    if (!hasDevPath) {
      throw new KilnException(ErrorCode.E226, model, "its config has no paths.dev for the data reader");
    }
    Map<String, Object> overrides = new LinkedHashMap<>();
    readerOverrides.forEach((key, value) -> {
      if (!key.startsWith("corpora.dev.")) {
        throw new KilnException(ErrorCode.E409, key);
      }
      overrides.put(key, value);
    });
    overrides.put("paths.dev", data.toString());
    Section root = savedConfig.withOverrides(overrides).interpolate().root();
    Section wrapper = new Section();
    Section corpora = new Section();
    corpora.put("dev", root.section("corpora").flatMap(c -> c.section("dev")).orElseThrow(() ->
        new KilnException(ErrorCode.E223, "dev_corpus", "corpora.dev")));
    wrapper.put("corpora", corpora);
    @SuppressWarnings("unchecked")
    Corpus<D> corpus = (Corpus<D>) ((Map<String, Object>) Resolver.resolve(wrapper, registries).get("corpora")).get("dev");
    return corpus;
  }

  /**
   * {@code kiln predict}: the records of {@code data} as the pipeline at {@code model} annotates
   * them, one JSON object per record (records that cannot describe themselves give their text).
   *
   * @throws KilnException E418 when {@code data} holds no records: an empty output that exits 0
   *     hides a wrong path or a file not written yet, as {@code kiln evaluate} refuses it (E408)
   */
  public static <D extends Datum> void predict(Path model, Path data, Registries registries,
      Map<String, Object> readerOverrides, Consumer<Map<String, Object>> out) {
    PipelineDirectory.Loaded<D> loaded = PipelineDirectory.loadWithConfig(model, registries);
    Pipeline<D> pipeline = loaded.pipeline();
    List<D> batch = new ArrayList<>();
    long records = 0;
    for (Example<D> example : Evaluation.<D>dataOf(loaded.config(), model, data, registries, readerOverrides)
        .unlabeled().read()) {
      batch.add(example.predicted());
      records++;
      if (batch.size() == PREDICT_BATCH) {
        write(pipeline.annotate(batch), out);
        batch.clear();
      }
    }
    if (records == 0) {
      throw new KilnException(ErrorCode.E418, data);
    }
    write(pipeline.annotate(batch), out);
  }

  private static <D extends Datum> void write(List<D> records, Consumer<Map<String, Object>> out) {
    for (D record : records) {
      out.accept(record instanceof JsonRecord json ? json.toJson() : Map.of("record", record.toString()));
    }
  }
}
