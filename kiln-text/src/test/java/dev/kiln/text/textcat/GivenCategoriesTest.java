package dev.kiln.text.textcat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.optimizers.Adam;
import dev.kiln.text.Doc;
import dev.kiln.text.Tokenizer;
import dev.kiln.train.Example;
import dev.kiln.train.LabelSource;
import dev.kiln.train.LossTotals;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A text classifier's labels given at initialize ([initialize.components.NAME] labels), as spaCy's textcat takes them. */
class GivenCategoriesTest {
  private static TextCategorizer textcat(String factory, boolean exclusive) {
    return BowTextcats.of("textcat", factory, exclusive);
  }

  /** The weights after initialize and a few updates: equal only if the labels are numbered alike. */
  private static Map<String, float[]> trained(TextCategorizer textcat, List<Example<Doc>> examples) {
    Adam adam = new Adam(0.01);
    for (int start = 0; start < examples.size(); start += 10) {
      textcat.update(examples.subList(start, start + 10), 0.0, new LossTotals());
      textcat.finishUpdate(adam);
    }
    Map<String, float[]> weights = new TreeMap<>();
    textcat.model().paramsByKey().forEach((key, value) -> weights.put(key, value.data().clone()));
    return weights;
  }

  @Test
  void givenLabelsEqualToTheDatasTrainTheSameWeightsWhateverTheirOrder() {
    List<Example<Doc>> examples = GeneratedCats.exclusive(40, 5);
    TextCategorizer fromData = textcat("textcat", true);
    fromData.initialize(() -> examples, 11);
    TextCategorizer given = textcat("textcat", true);
    given.initialize(() -> examples, 11, LabelSource.given(List.of("POS", "NEG"), "labels/textcat.json"));

    assertThat(given.labels()).isEqualTo(fromData.labels()).containsExactly("NEG", "POS");
    Map<String, float[]> expected = trained(fromData, examples);
    Map<String, float[]> actual = trained(given, examples);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((key, values) -> assertThat(Arrays.equals(actual.get(key), values)).as(key).isTrue());
    assertThat(given.labelsIn(examples)).containsExactly("NEG", "POS");
  }

  @Test
  void categoriesOutsideTheGivenLabelsAreNotLearntAndSaidOnce() {
    List<Example<Doc>> examples = new ArrayList<>(GeneratedCats.multilabel(30, 2));
    Doc doc = new Tokenizer().tokenize("a blue house");
    examples.add(new Example<>(doc, doc.withCats(Map.of("X", 1.0, "Y", 0.0, "LINK", 1.0))));
    TextCategorizer textcat = textcat("textcat_multilabel", false);

    String logged =
        stderrOf(() -> textcat.initialize(() -> examples, 0, LabelSource.given(List.of("X", "Y"), "x.json")));

    assertThat(textcat.labels()).containsExactly("X", "Y");
    assertThat(textcat.model().predict(List.of(doc)).cols()).isEqualTo(2);
    assertThat(logged).contains("component textcat: the training data has labels that the labels given to it (x.json)"
        + " lack: LINK (1 document). It does not learn them");
  }

  @Test
  void anExclusiveClassifierCountsOnlyTheTrueCategoriesAmongItsLabels() {
    // LINK is another classifier's category: one true category of this classifier's own is fine.
    Doc doc = new Tokenizer().tokenize("cheap pills at http://example.com");
    List<Example<Doc>> examples =
        List.of(new Example<>(doc, doc.withCats(Map.of("SPAM", 1.0, "HAM", 0.0, "LINK", 1.0))));
    TextCategorizer textcat = textcat("textcat", true);

    textcat.initialize(() -> examples, 0, LabelSource.given(List.of("HAM", "SPAM"), "labels/textcat.json"));

    assertThat(textcat.labels()).containsExactly("HAM", "SPAM");
  }

  private static String stderrOf(Runnable action) {
    PrintStream stderr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(stderr);
    }
    return logged.toString(StandardCharsets.UTF_8);
  }
}
