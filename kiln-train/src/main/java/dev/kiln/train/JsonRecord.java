package dev.kiln.train;

import java.util.Map;

/** A record capability: what it holds, predictions included, as JSON-ready values for {@code kiln predict}. */
public interface JsonRecord {
  Map<String, Object> toJson();
}
