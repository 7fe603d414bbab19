package dev.kiln.config;

import static dev.kiln.config.Sections.at;
import static dev.kiln.config.Sections.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.config.TestFunctions.Layer;
import dev.kiln.config.TestFunctions.Optimizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolverTest {
  private final Registries registries = TestFunctions.registries();

  private Map<String, Object> resolve(Section root) {
    return Resolver.resolve(root, registries);
  }

  private KilnException failure(Section root) {
    return catchThrowableOfType(() -> resolve(root), KilnException.class);
  }

  @Test
  void resolvesNestedPromisesBottomUpAndKeepsPlainSectionsAsOrderedMaps() {
    Section root = of(
        "training", of(
            "max_epochs", 3L,
            "optimizer", of(
                "@optimizers", "Adam.v1",
                "learn_rate", of("@schedules", "constant.v1", "rate", 0.01)),
            "seed", 0L));

    Map<String, Object> resolved = resolve(root);

    @SuppressWarnings("unchecked")
    Map<String, Object> training = (Map<String, Object>) resolved.get("training");
    assertThat(training.keySet()).containsExactly("max_epochs", "optimizer", "seed");
    assertThat(training.get("optimizer")).isEqualTo(new Optimizer("Adam", 0.01, 0.9f, null));
    assertThat(training.get("max_epochs")).isEqualTo(3L);
  }

  @Test
  void positionalSectionFillsVarargsInOrder() {
    Section chain = of("@layers", "chain.v1", "*", of(
        "relu1", of("@layers", "Relu.v1", "nO", 8L),
        "relu2", of("@layers", "Relu.v1", "nO", 4L)));

    Object model = resolve(of("model", chain)).get("model");

    assertThat(model).isEqualTo(new Layer("chain",
        List.of(new Layer("relu8", List.of()), new Layer("relu4", List.of()))));
  }

  @Test
  void positionalSectionFillsParameterNamedStarAndLeadingParameters() {
    Section concat = of("@layers", "kiln.Concat.v1", "reduce", "mean", "*", of(
        "a", of("@layers", "Relu.v1")));
    Section pair = of("@layers", "kiln.Pair.v1", "*", of(
        "a", of("@layers", "Relu.v1", "nO", 1L), "b", of("@layers", "Relu.v1", "nO", 2L)));

    Map<String, Object> resolved = resolve(of("concat", concat, "pair", pair));

    assertThat(resolved.get("concat"))
        .isEqualTo(new Layer("concat-MEAN", List.of(new Layer("relu", List.of()))));
    assertThat(((Layer) resolved.get("pair")).children())
        .extracting(Layer::name).containsExactly("relu1", "relu2");
  }

  @Test
  void positionalArgumentsMayBeAJsonList() {
    Section pair = of("@layers", "kiln.Pair.v1", "*", List.of(
        Map.of("@layers", "Relu.v1", "nO", 1L), Map.of("@layers", "Relu.v1", "nO", 2L)));

    assertThat(((Layer) resolve(of("pair", pair)).get("pair")).children())
        .extracting(Layer::name).containsExactly("relu1", "relu2");
  }

  @Test
  void positionalSectionOutsideAPromiseBecomesAList() {
    Map<String, Object> resolved =
        resolve(of("things", of("*", of("a", 1L, "b", of("@schedules", "constant.v1", "rate", 2L)))));

    assertThat(((Map<?, ?>) resolved.get("things")).get("*")).isEqualTo(List.of(1L, 2.0));
  }

  @Test
  void inlineJsonObjectWithRegistryKeyIsAPromiseButListsAreTakenAsWritten() {
    Map<String, Object> inline = Map.of("@schedules", "constant.v1", "rate", 0.5);
    Map<String, Object> resolved = resolve(of("a", of("rate", inline, "list", List.of(inline))));

    Map<?, ?> a = (Map<?, ?>) resolved.get("a");
    assertThat(a.get("rate")).isEqualTo(0.5);
    assertThat(a.get("list")).isEqualTo(List.of(inline));
  }

  @Test
  void defaultThatIsAPromiseIsResolved() {
    Object optimizer = resolve(of("o", of("@optimizers", "Scheduled.v1"))).get("o");

    assertThat(optimizer).isEqualTo(new Optimizer("Scheduled", 0.1, 0f, null));
  }

  @Test
  void numberStandsForARateThroughARegisteredConversion() {
    Object optimizer = resolve(of("o", of("@optimizers", "SGD.v1", "learn_rate", 3L))).get("o");

    assertThat(optimizer).isEqualTo(new Optimizer("SGD", 3.0, 0f, null));
  }

  @Test
  void promiseResultOfTheWantedTypeIsPassedAsIs() {
    Section sgd = of("@optimizers", "SGD.v1",
        "learn_rate", of("@schedules", "rate.v1", "value", 0.25));

    assertThat(resolve(of("o", sgd)).get("o")).isEqualTo(new Optimizer("SGD", 0.25, 0f, null));
  }

  @Test
  void unknownRegisteredNameSuggestsTheClosestName() {
    Section root = at(0, "training", at(1, "optimizer", at(2, "@optimizers", "Adma.v1")));

    KilnException e = failure(root);

    assertThat(e.code()).isEqualTo(ErrorCode.E042);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.pathText()).isEqualTo("training -> optimizer -> @optimizers");
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.message()).startsWith("[E041] training -> optimizer -> @optimizers: ")
          .contains("\"Adma.v1\" is not registered in @optimizers")
          .contains("Did you mean \"Adam.v1\"?");
    });
    assertThat(e.getMessage()).contains("line 3: [E041]");
  }

  @Test
  void unknownVersionSuggestsTheVersionThatExists() {
    KilnException e = failure(of("o", of("@optimizers", "Adam.v3")));

    assertThat(e.problems().get(0).message()).contains("Did you mean \"Adam.v1\"?");
  }

  @Test
  void nameRegisteredInAnotherCategoryIsPointedOut() {
    KilnException e = failure(of("o", of("@schedules", "Adam.v1")));

    assertThat(e.problems().get(0).message()).isEqualTo("[E041] o -> @schedules: \"Adam.v1\" "
        + "is not registered in @schedules. It is registered in @optimizers: write @optimizers = "
        + "\"Adam.v1\". Run \"kiln registry list schedules\" to see every name.");
  }

  @Test
  void spacyCorpusReaderSaysWhatToWriteInstead() {
    Section root = at(0, "corpora", at(1, "train", at(2, "@readers", "spacy.Corpus.v1", "path", "train.spacy")));

    KilnException e = failure(root);

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.message()).startsWith("[E084] corpora -> train -> @readers: \"spacy.Corpus.v1\" is spaCy's,"
          + " and kiln has no @readers of that name: it reads spaCy's binary .spacy (DocBin) files")
          .contains("@readers = \"kiln.TextJsonl.v1\"");
    });
  }

  @Test
  void spacyParserForNerPointsToTheBiluoTagger() {
    KilnException e = failure(of("ner", of("@architectures", "spacy.TransitionBasedParser.v2")));

    assertThat(e.problems().get(0).message()).startsWith("[E084] ner -> @architectures:")
        .contains("Write @architectures = \"kiln.BiluoTagger.v1\"").contains("update_with_oracle_cut_size");
  }

  @Test
  void unknownCategoryIsAProblemWithASuggestion() {
    KilnException e = failure(of("o", of("@optimizer", "Adam.v1")));

    assertThat(e.problems().get(0).message())
        .startsWith("[E058] o -> @optimizer: unknown registry category \"@optimizer\".")
        .contains("Did you mean \"optimizers\"?");
  }

  @Test
  void twoRegistryKeysInOneSectionIsAProblem() {
    KilnException e = failure(of("o", of("@optimizers", "Adam.v1", "@schedules", "constant.v1")));

    assertThat(e.problems().get(0).message()).startsWith("[E046] o: ")
        .contains("@optimizers, @schedules");
  }

  @Test
  void missingRequiredArgumentNamesItsPathAndType() {
    KilnException e = failure(at(0, "training", at(1, "schedule", at(4, "@schedules", "constant.v1"))));

    Problem p = e.problems().get(0);
    assertThat(p.pathText()).isEqualTo("training -> schedule -> rate");
    assertThat(p.message()).isEqualTo("[E051] training -> schedule -> rate: missing required "
        + "argument \"rate\" (a number (double)) of @schedules \"constant.v1\". "
        + "Add rate = ... to the section.");
  }

  @Test
  void unknownArgumentListsTheAcceptedOnesAndSuggestsOne() {
    KilnException e = failure(of("training", of("optimizer",
        at(10, "@optimizers", "Adam.v1", "learn_rte", 0.1))));

    Problem p = e.problems().get(0);
    assertThat(p.pathText()).isEqualTo("training -> optimizer -> learn_rte");
    assertThat(p.line()).isEqualTo(12);
    assertThat(p.message()).isEqualTo("[E052] training -> optimizer -> learn_rte: unknown "
        + "argument \"learn_rte\" for @optimizers \"Adam.v1\". Accepted: learn_rate, beta1, "
        + "grad_clip. Did you mean \"learn_rate\"? Remove it or correct its spelling.");
  }

  @Test
  void wrongTypeNamesThePathWhatWasExpectedAndWhatWasFound() {
    KilnException e = failure(of("training", of("optimizer",
        of("@optimizers", "Adam.v1", "learn_rate", "fast"))));

    assertThat(e.problems().get(0).message()).isEqualTo("[E047] training -> optimizer -> "
        + "learn_rate: expected a number (double), found the string \"fast\". Change the value "
        + "to a number (double).");
  }

  @Test
  void aTypeNumbersConvertToIsDescribedAsANumberOrThatType() {
    KilnException e = failure(of("o", of("@optimizers", "SGD.v1", "learn_rate", "0.1")));

    assertThat(e.problems().get(0).message())
        .startsWith("[E047] o -> learn_rate: expected a number or a Rate (an object with keys value), found the string \"0.1\".");
  }

  @Test
  void promiseResultOfTheWrongTypeIsAProblem() {
    KilnException e = failure(of("o", of("@optimizers", "Adam.v1",
        "learn_rate", of("@layers", "Relu.v1"))));

    assertThat(e.problems().get(0).message())
        .startsWith("[E047] o -> learn_rate: expected a number (double), found a value of "
            + "type Layer.");
  }

  @Test
  void tooManyPositionalArgumentsAndArgumentsGivenTwiceAreProblems() {
    Section pair = of("@layers", "kiln.Pair.v1", "first", of("@layers", "Relu.v1"), "*", of(
        "a", of("@layers", "Relu.v1"), "b", of("@layers", "Relu.v1"),
        "c", of("@layers", "Relu.v1")));

    KilnException e = failure(of("pair", pair));

    assertThat(e.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m)
        .startsWith("[E055] pair -> *: @layers \"kiln.Pair.v1\" takes 2 positional argument(s),"
            + " found 3."));
    assertThat(e.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m)
        .startsWith("[E056] pair -> first: argument \"first\" of @layers \"kiln.Pair.v1\" is "
            + "given both by position and by name."));
  }

  @Test
  void functionsDependingOnAFailedPromiseAreNotCalledAndNotReportedAgain() {
    Section root = of("model", of("@layers", "chain.v1", "*", of(
        "a", of("@layers", "Relu.v1", "nO", "wide"))),
        "pair", of("@layers", "kiln.Pair.v1",
            "first", of("@layers", "Relu.v1"), "second", of("@loggers", "rejects.v1", "level", 1L)),
        "list", of("@layers", "kiln.Concat.v1", "*", of("a", of("@layers", "Nope.v1"))),
        "everything", of("@scorers", "everything.v1", "i", 1L, "l", 1L, "f", 1L, "d", 1L,
            "b", true, "s", "", "reduce", "sum", "path", "p", "ints", List.of(),
            "weights", Map.of("w", Map.of("@schedules", "constant.v1")), "point", Map.of("x", 1L),
            "anything", null));

    KilnException e = failure(root);

    assertThat(e.problems()).extracting(Problem::pathText).containsExactly(
        "model -> * -> a -> nO", "pair -> second", "list -> * -> a -> @layers",
        "everything -> weights -> w -> rate");
  }

  @Test
  void userErrorThrownByAFunctionIsReportedAtItsPath() {
    KilnException e = failure(of("logger", of("@loggers", "rejects.v1", "level", 3L)));

    assertThat(e.problems().get(0).message()).startsWith("[E053] logger: @loggers "
        + "\"rejects.v1\" rejected its arguments: [E047] level: expected a level below 3");
  }

  @Test
  void anArgumentAFunctionRejectsByNameIsReportedAtThatKeysLineAsItsOwnError() {
    Section root = at(0, "logger", at(1, "@loggers", "rejects_level.v1", "name", "x", "level", 3L));

    KilnException e = failure(root);

    assertThat(e.problems()).extracting(Problem::pathText, Problem::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("logger -> level", 4));
    assertThat(e.getMessage()).isEqualTo("[E042] the config has 1 problem(s):\n  line 4: [E047] level: "
        + "expected a level below 3, found 3. Change the value to a level below 3.");
  }

  @Test
  void aRecordRejectingOneOfItsKeysIsReportedAtThatKeysLine() {
    Section root = at(0, "s", at(1, "@scorers", "range.v1", "range", at(3, "low", 5L, "high", 2L)));

    KilnException e = failure(root);

    assertThat(e.problems()).extracting(Problem::pathText, Problem::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("s -> range -> high", 5));
    assertThat(e.problems().get(0).message()).startsWith("[E047] high: expected at least low = 5");
  }

  @Test
  void otherExceptionsFromAFunctionAreInternalErrorsAndPropagate() {
    assertThatThrownBy(() -> resolve(of("logger", of("@loggers", "broken.v1"))))
        .isInstanceOf(IllegalStateException.class).hasMessage("a bug in the logger");
  }

  @Test
  void everyProblemIsReportedInOneErrorWithPathsAndLines() {
    Section root = at(0,
        "training", at(1,
            "optimizer", at(2, "@optimizers", "Adam.v1", "learn_rate", "fast", "beta", 0.9),
            "schedule", at(6, "@schedules", "constnt.v1")),
        "model", at(8, "@layers", "Relu.v1", "nO", 3.5));

    KilnException e = failure(root);

    assertThat(e.code()).isEqualTo(ErrorCode.E042);
    assertThat(e.problems()).extracting(Problem::pathText, Problem::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple("training -> optimizer -> learn_rate", 4),
        org.assertj.core.groups.Tuple.tuple("training -> optimizer -> beta", 5),
        org.assertj.core.groups.Tuple.tuple("training -> schedule -> @schedules", 7),
        org.assertj.core.groups.Tuple.tuple("model -> nO", 10));
    assertThat(e.getMessage()).startsWith("[E042] the config has 4 problem(s):\n  line 4: [E047]")
        .contains("\n  line 5: [E052]", "\n  line 7: [E041]", "\n  line 10: [E049]");
  }

  @Test
  void resolvesASectionIntoARecordWithDefaultsAndNestedPromises() {
    Section section = of("max_epochs", 5L, "optimizer", of("@optimizers", "Adam.v1"));

    Training training = Resolver.resolveAs(section, Training.class, registries);

    assertThat(training).isEqualTo(new Training(5, new Optimizer("Adam", 0.001, 0.9f, null), 0.1));
  }

  @Test
  void recordRejectsUnknownAndMissingKeys() {
    Section section = at(0, "optimiser", of("@optimizers", "Adam.v1"), "dropout", 0.2);

    KilnException e = catchThrowableOfType(
        () -> Resolver.resolveAs(section, Training.class, registries), KilnException.class);

    assertThat(e.problems()).extracting(Problem::message).containsExactly(
        "[E052] optimiser: unknown argument \"optimiser\" for record Training. Accepted: "
            + "max_epochs, optimizer, dropout. Did you mean \"optimizer\"? Remove it or "
            + "correct its spelling.",
        "[E051] optimizer: missing required argument \"optimizer\" (an Optimizer (an object "
            + "with keys name, learnRate, beta1, gradClip)) of record Training. Add optimizer = ... to the section.");
    assertThat(e.problems().get(0).line()).isEqualTo(1);
  }

  /** A typed view of a [training] section. */
  record Training(
      @Name("max_epochs") @Default("1") int maxEpochs, Optimizer optimizer,
      @Default("0.1") double dropout) {}
}
