package dev.kiln.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One evaluation: the weighted main score and every score by name. */
public record EvalResult(double score, Map<String, Object> scores) {
  public EvalResult {
    scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
  }
}
