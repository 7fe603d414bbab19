package dev.kiln.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A record capability: what it holds, predictions included, as JSON-ready values for {@code kiln predict}. */
public interface JsonRecord {
  Map<String, Object> toJson();

  /** Scores as a JSON list. */
  static List<Float> list(float[] values) {
    List<Float> list = new ArrayList<>(values.length);
    for (float value : values) {
      list.add(value);
    }
    return list;
  }
}
