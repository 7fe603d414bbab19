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

/**
 * {@code kiln evaluate}: loads a trained pipeline and scores it on a data file, read by the
 * reader of the pipeline's own {@code [corpora.dev]} with {@code paths.dev} pointing at the file.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Every score of the pipeline at {@code model} on {@code data}, plus {@code speed}. */
  public static <D extends Datum> Map<String, Object> evaluate(Path model, Path data, Registries registries) {
    Pipeline<D> pipeline = PipelineDirectory.load(model, registries);
    Config config = Config.read(model.resolve(PipelineDirectory.CONFIG));
    boolean hasDevPath = config.root().section("paths").map(paths -> paths.has("dev")).orElse(false);
    if (!hasDevPath) {
      throw new KilnException(ErrorCode.E226, model, "its config has no paths.dev for the data reader");
    }
    Section root = config.withOverrides(Map.of("paths.dev", data.toString())).interpolate().root();
    Section wrapper = new Section();
    Section corpora = new Section();
    corpora.put("dev", root.section("corpora").flatMap(c -> c.section("dev")).orElseThrow(() ->
        new KilnException(ErrorCode.E223, "dev_corpus", "corpora.dev")));
    wrapper.put("corpora", corpora);
    @SuppressWarnings("unchecked")
    Corpus<D> corpus = (Corpus<D>) ((Map<String, Object>) Resolver.resolve(wrapper, registries).get("corpora")).get("dev");
    List<Example<D>> examples = new ArrayList<>();
    corpus.read().forEach(examples::add);
    long words = examples.stream().mapToLong(Example::length).sum();
    long started = System.nanoTime();
    Map<String, Object> scores = new LinkedHashMap<>(pipeline.evaluate(examples));
    scores.put("speed", words / Math.max((System.nanoTime() - started) / 1e9, 1e-9));
    return scores;
  }
}
