package dev.kiln.nn.losses;

import static dev.kiln.nn.ThincExpectations.floats;
import static dev.kiln.nn.ThincExpectations.ints;
import static dev.kiln.nn.ThincExpectations.relativeError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.nn.ThincExpectations;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every loss gives Thinc 8.1.7's gradient and loss value for the same inputs, to 1e-6. */
class ThincLossTest {
  private static final JsonNode DATA = ThincExpectations.load("losses.json");

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : DATA.get("cases")) {
      cases.add(Arguments.of(c.get("loss").asText() + " " + c.get("kwargs") + " "
          + c.get("truths_kind").asText(), c));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesThinc(String label, JsonNode c) {
    int[] shape = ints(DATA.get("shape"));
    Floats guesses = Floats.of(floats(DATA.get("guesses")), shape);
    JsonNode kwargs = c.get("kwargs");
    boolean normalize = kwargs.path("normalize").asBoolean(true);
    double smoothing = kwargs.path("label_smoothing").asDouble(0.0);
    OptionalInt missing = kwargs.path("missing_value").isInt()
        ? OptionalInt.of(kwargs.get("missing_value").asInt()) : OptionalInt.empty();
    String kind = c.get("truths_kind").asText();
    float[] gradient;
    double loss;
    switch (c.get("loss").asText()) {
      case "CategoricalCrossentropy" -> {
        var cce = new CategoricalCrossentropy(normalize, smoothing, missing);
        LossResult<Floats> result = switch (kind) {
          case "ints" -> cce.compute(guesses, Ints.of(ints(c.get("truths"))));
          case "floats" -> cce.compute(guesses, Floats.of(floats(c.get("truths")), shape));
          default -> cce.withNames(strings(kwargs.get("names")),
                  Optional.ofNullable(kwargs.path("missing_value").textValue()),
                  Optional.ofNullable(kwargs.path("neg_prefix").textValue()))
              .computeNames(guesses, strings(c.get("truths")));
        };
        gradient = result.gradient().data();
        loss = result.loss();
      }
      case "SequenceCategoricalCrossentropy" -> {
        var scce = new SequenceCategoricalCrossentropy(normalize, smoothing, missing);
        int[] labels = ints(c.get("truths"));
        List<Floats> seqGuesses = new ArrayList<>();
        List<Ints> seqTruths = new ArrayList<>();
        int start = 0;
        for (int length : ints(c.get("lengths"))) {
          seqGuesses.add(Floats.of(
              Arrays.copyOfRange(guesses.data(), start * shape[1], (start + length) * shape[1]),
              length, shape[1]));
          seqTruths.add(Ints.of(Arrays.copyOfRange(labels, start, start + length)));
          start += length;
        }
        LossResult<List<Floats>> result = scce.compute(seqGuesses, seqTruths);
        gradient = concat(result.gradient());
        loss = result.loss();
      }
      case "L2Distance" -> {
        LossResult<Floats> result = new L2Distance(normalize)
            .compute(guesses, Floats.of(floats(c.get("truths")), shape));
        gradient = result.gradient().data();
        loss = result.loss();
      }
      case "CosineDistance" -> {
        LossResult<Floats> result =
            new CosineDistance(normalize, kwargs.path("ignore_zeros").asBoolean(false))
                .compute(guesses, Floats.of(floats(c.get("truths")), shape));
        gradient = result.gradient().data();
        loss = result.loss();
      }
      default -> throw new IllegalArgumentException(label);
    }
    float[] expected = floats(c.get("gradient"));
    assertThat(gradient).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(relativeError(gradient[i], expected[i]))
          .as("%s gradient[%d]: %s vs Thinc %s", label, i, gradient[i], expected[i])
          .isLessThan(1e-6);
    }
    assertThat(relativeError(loss, c.get("value").asDouble())).as(label).isLessThan(1e-6);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static float[] concat(List<Floats> parts) {
    int size = parts.stream().mapToInt(Floats::size).sum();
    float[] all = new float[size];
    int at = 0;
    for (Floats part : parts) {
      System.arraycopy(part.data(), 0, all, at, part.size());
      at += part.size();
    }
    return all;
  }
}
