package dev.kiln.nn.schedules;

import static dev.kiln.nn.ThincExpectations.relativeError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.nn.ThincExpectations;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Value {@code i} of each Thinc 8.1.7 schedule generator is {@code valueAt(i)}, to 1e-6. */
class ThincScheduleTest {
  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : ThincExpectations.load("schedules.json").get("cases")) {
      cases.add(Arguments.of(c.get("schedule").toString(), c));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesThinc(String label, JsonNode c) {
    Schedule schedule = ThincExpectations.schedule(c.get("schedule"));
    JsonNode values = c.get("values");
    for (int step = 0; step < values.size(); step++) {
      double expected = values.get(step).asDouble();
      double actual = schedule.valueAt(step);
      assertThat(relativeError(actual, expected))
          .as("%s step %d: %s vs Thinc %s", label, step, actual, expected)
          .isLessThan(1e-6);
    }
  }
}
