package dev.kiln.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.JsonFiles;
import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Ints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The classes a classifier predicts, in output order: class ids for the loss, the label of the
 * highest score, and the {@code labels.json} a saved component keeps them in.
 */
public final class LabelSet {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "labels.json";

  private final List<String> labels;
  private final Map<String, Integer> ids = new HashMap<>();

  public LabelSet(List<String> labels) {
    this.labels = List.copyOf(labels);
    for (int i = 0; i < this.labels.size(); i++) {
      ids.put(this.labels.get(i), i);
    }
  }

  public List<String> labels() {
    return labels;
  }

  public int size() {
    return labels.size();
  }

  /**
   * The class ids of the batch's reference labels.
   *
   * @throws KilnException E231 naming {@code component} for a label not in the set
   */
  public <D extends Datum> Ints ids(List<Example<D>> batch, Function<D, String> labelOf, String component) {
    int[] out = new int[batch.size()];
    for (int i = 0; i < out.length; i++) {
      String label = labelOf.apply(batch.get(i).reference());
      Integer id = ids.get(label);
      if (id == null) {
        throw new KilnException(ErrorCode.E231, component, label, labels);
      }
      out[i] = id;
    }
    return Ints.of(out);
  }

  /** The label of the highest of {@code scores} (the first, on ties). */
  public String best(float[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return labels.get(best);
  }

  /** {@code probabilities}, one per label in output order, with their labels. */
  public ClassScores scores(float[] probabilities) {
    return new ClassScores(labels, probabilities);
  }

  /** Writes {@code labels.json} into a component's folder. */
  public void save(Path folder) throws IOException {
    JSON.writeValue(folder.resolve(FILE).toFile(), labels);
  }

  /** Reads what {@link #save} wrote. */
  public static LabelSet load(Path folder) throws IOException {
    return new LabelSet(JsonFiles.read(folder.resolve(FILE), new TypeReference<List<String>>() {}));
  }
}
