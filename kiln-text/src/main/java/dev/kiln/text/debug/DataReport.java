package dev.kiln.text.debug;

import dev.kiln.text.Doc;
import dev.kiln.text.InspectableCorpus;
import dev.kiln.text.tagger.NegativeTags;
import dev.kiln.train.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code kiln debug data}: spaCy's data report for a text pipeline's training and dev corpora —
 * documents, words and empty documents; then, for each kind of component in the pipeline, its
 * labels in both corpora and the problems that cost it training signal. Lines are marked
 * {@code ✔}, {@code ⚠} or {@code ✘} and counted in a summary.
 *
 * <p>Errors are what training refuses or cannot learn from (no documents, overlapping or
 * whitespace-edged entity spans, {@code textcat} documents without exactly one true category);
 * warnings are what it survives at a cost (empty documents, spans that do not align with tokens
 * and are not trained on, see {@code W300}, dev labels never seen in training).
 */
public final class DataReport {
  private final String text;
  private final int errors;
  private final int warnings;

  private DataReport(String text, int errors, int warnings) {
    this.text = text;
    this.errors = errors;
    this.warnings = warnings;
  }

  /**
   * Reads both corpora once and reports on them.
   *
   * @param factories the factory of each component, in pipeline order ({@code textcat},
   *     {@code ner}, ...): they decide which sections the report has
   * @param verbose whether to list every document behind a warning or error
   */
  public static DataReport of(Corpus<Doc> train, Corpus<Doc> dev, List<String> factories, boolean verbose) {
    return of(train, dev, factories, NegativeTags.byDefault(), verbose);
  }

  /**
   * As {@link #of(Corpus, Corpus, List, boolean)}, with the tagger's {@code neg_prefix}: its
   * negative tags ({@code "!NN"}) are counted apart, not listed as tags.
   */
  public static DataReport of(Corpus<Doc> train, Corpus<Doc> dev, List<String> factories, NegativeTags negativeTags,
      boolean verbose) {
    CorpusStats trainStats = CorpusStats.of(InspectableCorpus.inspect(train), negativeTags);
    CorpusStats devStats = CorpusStats.of(InspectableCorpus.inspect(dev), negativeTags);
    ReportText report = new ReportText(verbose);
    overview(report, trainStats, devStats, factories);
    if (factories.contains("textcat") || factories.contains("textcat_multilabel")) {
      textcat(report, trainStats, devStats, factories.contains("textcat"));
    }
    if (factories.contains("ner")) {
      ner(report, trainStats, devStats);
    }
    if (factories.contains("tagger")) {
      report.divider("Part-of-speech Tagging");
      LabelTable.write(report, "tag", "tags", trainStats.tags, devStats.tags);
      untagged(report, trainStats, devStats);
      negativeTagged(report, trainStats, devStats, negativeTags);
      nothingToLearn(report, trainStats.tags, "tags, so the tagger has nothing to learn (E324)");
      unseen(report, "tag", "tags", trainStats.tags, devStats.tags);
    }
    report.divider("Summary");
    report.line("✔ " + report.passed() + " checks passed");
    report.line("⚠ " + report.warnings() + " warning" + (report.warnings() == 1 ? "" : "s"));
    report.line("✘ " + report.errors() + " error" + (report.errors() == 1 ? "" : "s"));
    return new DataReport(report.toString(), report.errors(), report.warnings());
  }

  /** The report, lines ending in {@code \n}. */
  public String text() {
    return text;
  }

  public int errors() {
    return errors;
  }

  public int warnings() {
    return warnings;
  }

  private static void overview(ReportText report, CorpusStats train, CorpusStats dev, List<String> factories) {
    report.divider("Training stats");
    report.info("Pipeline components: " + (factories.isEmpty() ? "none" : String.join(", ", factories)));
    report.info(count(train.docs, "training doc") + " (" + count(train.words, "word") + "), "
        + count(dev.docs, "evaluation doc") + " (" + count(dev.words, "word") + ")");
    for (CorpusStats stats : List.of(train, dev)) {
      String which = stats == train ? "training" : "evaluation";
      if (stats.docs == 0) {
        report.fail("The " + which + " data has no documents", List.of());
      } else if (!stats.emptyDocs.isEmpty()) {
        report.warn(count(stats.emptyDocs.size(), "empty doc") + " in the " + which + " data" + hint(report), stats.emptyDocs);
      } else {
        report.good("No empty docs in the " + which + " data");
      }
    }
  }

  private static void textcat(ReportText report, CorpusStats train, CorpusStats dev, boolean exclusive) {
    report.divider("Text Classification");
    LabelTable.write(report, "category", "categories", train.cats, dev.cats);
    nothingToLearn(report, train.cats, "categories (\"cats\"), so textcat has nothing to learn (E326)");
    unseen(report, "category", "categories", train.cats, dev.cats);
    if (exclusive && !train.cats.isEmpty()) {
      List<Finding> notOne = new ArrayList<>(train.notOneCategory);
      notOne.addAll(dev.notOneCategory);
      if (notOne.isEmpty()) {
        report.good("Every doc has exactly one true category, as textcat needs");
      } else {
        report.fail(count(notOne.size(), "doc") + " without exactly one true category, which textcat needs (use"
            + " textcat_multilabel for any number)" + hint(report), notOne);
      }
    }
  }

  private static void ner(ReportText report, CorpusStats train, CorpusStats dev) {
    report.divider("Named Entity Recognition");
    LabelTable.write(report, "entity label", "entity labels", train.entities, dev.entities);
    nothingToLearn(report, train.entities, "entities, so ner has nothing to learn (E314)");
    unseen(report, "entity label", "entity labels", train.entities, dev.entities);
    for (CorpusStats stats : List.of(train, dev)) {
      String where = " in the " + (stats == train ? "training" : "evaluation") + " data";
      if (stats.overlappingEntities.isEmpty()) {
        report.good("No overlapping entity spans" + where);
      } else {
        report.fail(count(stats.overlappingEntities.size(), "pair") + " of overlapping entity spans" + where
            + hint(report), stats.overlappingEntities);
      }
      if (stats.misalignedEntities.isEmpty()) {
        report.good("All entity spans align with token boundaries" + where);
      } else {
        report.warn(count(stats.misalignedEntities.size(), "entity span") + " not on token boundaries" + where
            + " (W300: their tokens are not trained on)" + hint(report), stats.misalignedEntities);
      }
      if (stats.whitespaceEntities.isEmpty()) {
        report.good("No entity spans with leading or trailing whitespace" + where);
      } else {
        report.fail(count(stats.whitespaceEntities.size(), "entity span") + " with leading or trailing whitespace" + where
            + hint(report), stats.whitespaceEntities);
      }
    }
  }

  /** How many tokens have an unknown tag, which the table leaves out: they are not trained on or scored. */
  private static void untagged(ReportText report, CorpusStats train, CorpusStats dev) {
    if (train.untagged + dev.untagged > 0) {
      report.info(count(train.untagged, "training token") + " and " + count(dev.untagged, "evaluation token")
          + " without a tag (\"\", \"-\" or \"_\": not trained on or scored)");
    }
  }

  /** How many tokens have a negative tag, which the table leaves out: they are no tag of their own. */
  private static void negativeTagged(ReportText report, CorpusStats train, CorpusStats dev, NegativeTags negativeTags) {
    if (train.negativeTagged + dev.negativeTagged > 0) {
      String prefix = negativeTags.prefix().orElseThrow();
      report.info(count(train.negativeTagged, "training token") + " and " + count(dev.negativeTagged, "evaluation token")
          + " with a negative tag (\"" + prefix + "NN\": not NN; trained only against that tag, and never"
          + " matched in scoring)");
    }
  }

  /** A failed check when the training data has none of what a component learns; kiln train refuses it too. */
  private static void nothingToLearn(ReportText report, Map<String, Integer> trainLabels, String what) {
    if (trainLabels.isEmpty()) {
      report.fail("The training data has no " + what, List.of());
    }
  }

  private static void unseen(ReportText report, String what, String whats, Map<String, Integer> train,
      Map<String, Integer> dev) {
    TreeSet<String> unseen = new TreeSet<>();
    dev.forEach((label, count) -> {
      if (count > 0 && train.getOrDefault(label, 0) == 0) {
        unseen.add(label);
      }
    });
    if (unseen.isEmpty()) {
      report.good("Every " + what + " of the evaluation data is in the training data");
    } else {
      report.warn("The evaluation data has " + whats + " the training data lacks: " + String.join(", ", unseen),
          List.of());
    }
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String hint(ReportText report) {
    return report.verbose() ? ":" : " (--verbose lists them)";
  }
}
