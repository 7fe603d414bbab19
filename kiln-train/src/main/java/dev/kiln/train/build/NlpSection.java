package dev.kiln.train.build;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Section;
import dev.kiln.config.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A config's {@code [nlp]} section, checked so that none of spaCy's settings in it is silently
 * ignored. kiln builds the pipeline from {@code pipeline}; spaCy's {@code lang} and
 * {@code batch_size} change nothing kiln does (its tokenizer is one for every language, and
 * {@code kiln predict} chunks by itself), and {@code tokenizer} and {@code vectors} are read as
 * registered calls. The rest must be unset: kiln has no disabled components and no callbacks
 * around the pipeline's creation.
 */
public final class NlpSection {
  private static final List<String> TAKEN = List.of("pipeline", "lang", "batch_size", "tokenizer", "vectors");
  /** spaCy's settings kiln cannot act on, each with why and the value that unsets it. */
  private static final Map<String, String[]> UNSUPPORTED = unsupported();

  private NlpSection() {}

  private static Map<String, String[]> unsupported() {
    Map<String, String[]> reasons = new LinkedHashMap<>();
    reasons.put("disabled", new String[] {
        "kiln trains and runs every component of [nlp] pipeline; it has no disabled components.", "[]"});
    for (String callback : List.of("before_creation", "after_creation", "after_pipeline_creation")) {
      reasons.put(callback, new String[] {
          "kiln has no callbacks around the pipeline's creation (its [initialize] takes before_init and after_init).",
          "null"});
    }
    return reasons;
  }

  /**
   * Checks the {@code [nlp]} section of {@code root}, if there is one.
   *
   * @throws KilnException E268 for a spaCy setting kiln cannot act on, E269 for an unknown key,
   *     E290 for a {@code pipeline} that is not a list of names
   */
  public static void check(Section root, String source) {
    Section nlp = root.section("nlp").orElse(null);
    if (nlp == null) {
      return;
    }
    checkPipeline(nlp, source);
    for (Map.Entry<String, Object> entry : nlp.entries().entrySet()) {
      String key = entry.getKey();
      String[] reason = UNSUPPORTED.get(key);
      if (reason != null) {
        if (!isUnset(entry.getValue())) {
          Object value = entry.getValue();
          String shown = value instanceof Section ? "a section" : String.valueOf(value);
          throw new KilnException(ErrorCode.E268, source, key, shown, reason[0], reason[1]);
        }
      } else if (!TAKEN.contains(key)) {
        List<String> known = new ArrayList<>(TAKEN);
        known.addAll(UNSUPPORTED.keySet());
        throw new KilnException(ErrorCode.E269, source, key, Suggestions.didYouMean(key, known));
      }
    }
  }

  /**
   * A written {@code pipeline} must be a list of names: anything else (null, a name on its own)
   * was once taken as no pipeline at all, which trains every section of [components].
   */
  private static void checkPipeline(Section nlp, String source) {
    if (!nlp.has("pipeline")) {
      return;
    }
    Object pipeline = nlp.get("pipeline");
    if (!(pipeline instanceof List<?> names) || !names.stream().allMatch(String.class::isInstance)) {
      throw new KilnException(ErrorCode.E290, source, shown(pipeline));
    }
  }

  private static String shown(Object value) {
    if (value instanceof Section) {
      return "a section";
    }
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }

  /** spaCy's unset values: null, an empty list, an empty section. */
  private static boolean isUnset(Object value) {
    return value == null || (value instanceof Collection<?> list && list.isEmpty())
        || (value instanceof Section section && section.keys().isEmpty());
  }
}
