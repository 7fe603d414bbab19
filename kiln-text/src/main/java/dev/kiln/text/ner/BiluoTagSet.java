package dev.kiln.text.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BILUO tags an entity recogniser scores, in output column order: {@code O}, then
 * {@code B-}, {@code I-}, {@code L-}, {@code U-} of each entity label.
 */
final class BiluoTagSet {
  private static final String MOVES = "BILU";

  private final List<String> tags;
  private final Map<String, Integer> ids = new HashMap<>();

  BiluoTagSet(List<String> labels) {
    List<String> all = new ArrayList<>(1 + MOVES.length() * labels.size());
    all.add("O");
    for (String label : labels) {
      for (char move : MOVES.toCharArray()) {
        all.add(move + "-" + label);
      }
    }
    tags = List.copyOf(all);
    for (int i = 0; i < tags.size(); i++) {
      ids.put(tags.get(i), i);
    }
  }

  List<String> tags() {
    return tags;
  }

  int size() {
    return tags.size();
  }

  /** The column of {@code tag}, or -1 for {@code -} (unknown) and tags of labels not in the set. */
  int id(String tag) {
    return ids.getOrDefault(tag, -1);
  }
}
