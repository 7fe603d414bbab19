package dev.kiln.nn;

import dev.kiln.nn.array.Floats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parameters temporarily replaced by their averages ({@link Model#useParams}); closing puts
 * the trained values back. The arrays keep their identity: values are copied in and out.
 */
public final class SwappedParams implements AutoCloseable {
  private record Saved(float[] target, float[] original) {}

  private final List<Saved> saved;

  private SwappedParams(List<Saved> saved) {
    this.saved = saved;
  }

  static SwappedParams swap(Map<String, Floats> params, Map<String, float[]> replacements) {
    List<Saved> saved = new ArrayList<>();
    for (Map.Entry<String, Floats> param : params.entrySet()) {
      float[] replacement = replacements.get(param.getKey());
      float[] target = param.getValue().data();
      if (replacement != null && replacement.length == target.length) {
        saved.add(new Saved(target, target.clone()));
        System.arraycopy(replacement, 0, target, 0, target.length);
      }
    }
    return new SwappedParams(saved);
  }

  /** How many parameters were swapped. */
  public int swapped() {
    return saved.size();
  }

  @Override
  public void close() {
    for (Saved s : saved) {
      System.arraycopy(s.original, 0, s.target, 0, s.target.length);
    }
  }
}
