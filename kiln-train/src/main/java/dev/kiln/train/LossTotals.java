package dev.kiln.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loss totals by component name, accumulated over updates until the next evaluation. */
public final class LossTotals {
  private final Map<String, Double> totals = new LinkedHashMap<>();

  /** Adds {@code loss} to the total of {@code component}. */
  public void add(String component, double loss) {
    totals.merge(component, loss, Double::sum);
  }

  public double get(String component) {
    return totals.getOrDefault(component, 0.0);
  }

  /** A snapshot of the totals, in the order components first reported. */
  public Map<String, Double> snapshot() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(totals));
  }

  public void clear() {
    totals.clear();
  }
}
