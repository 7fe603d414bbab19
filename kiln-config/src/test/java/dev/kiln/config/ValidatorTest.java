package dev.kiln.config;

import static dev.kiln.config.Sections.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class ValidatorTest {
  private final Registries registries = TestFunctions.registries();

  @Test
  void acceptsAValidConfigWithoutCallingItsFunctions() {
    // rejects.v1 and broken.v1 throw when called; validation must not call them.
    Section root = of("a", of("@loggers", "rejects.v1", "level", 2L),
        "b", of("@loggers", "broken.v1"));

    assertThatCode(() -> Validator.validate(root, registries)).doesNotThrowAnyException();
  }

  @Test
  void reportsEveryProblemAsTheResolverWould() {
    Section root = of("a", of("@loggers", "rejects.v1", "level", "high"),
        "b", of("@loggers", "broken.v1", "extra", 1L));

    KilnException e = catchThrowableOfType(() -> Validator.validate(root, registries),
        KilnException.class);

    assertThat(e.code()).isEqualTo(ErrorCode.E042);
    assertThat(e.problems()).extracting(Problem::message).containsExactly(
        "[E047] a -> level: expected an integer (int), found the string \"high\". Change the "
            + "value to an integer (int).",
        "[E052] b -> extra: unknown argument \"extra\" for @loggers \"broken.v1\". Accepted: no "
            + "arguments. Remove it or correct its spelling.");
  }
}
