package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistriesTest {
  @Test
  void addAllRegistersEveryAnnotatedStaticMethodByCategoryAndName() {
    Registries registries = TestFunctions.registries();

    assertThat(registries.names("layers"))
        .containsExactly("Relu.v1", "chain.v1", "kiln.Concat.v1", "kiln.Pair.v1");
    assertThat(registries.find("optimizers", "Adam.v1")).hasValueSatisfying(
        f -> assertThat(f.describe()).isEqualTo("dev.kiln.config.TestFunctions.adam"));
    assertThat(registries.find("optimizers", "Adam.v2")).isEmpty();
  }

  @Test
  void sameNameFromAnotherMethodIsRefused() throws NoSuchMethodException {
    Registries registries = TestFunctions.registries();
    RegisteredFunction impostor = new RegisteredFunction("optimizers", "Adam.v1",
        TestFunctions.class.getMethod("sgd", TestFunctions.Rate.class));

    assertThatThrownBy(() -> registries.add(impostor))
        .hasMessageStartingWith("[E043] optimizers.Adam.v1: Adam.v1 is registered twice");
  }

  @Test
  void nameWithoutVersionIsRefused() throws NoSuchMethodException {
    RegisteredFunction f = new RegisteredFunction("loggers", "broken",
        TestFunctions.class.getMethod("broken"));

    assertThatThrownBy(() -> new Registries().add(f)).hasMessage(
        "[E059] dev.kiln.config.TestFunctions.broken: the registered name \"broken\" has no "
            + "version. Register it as \"broken.v1\": names never change meaning, so a changed "
            + "function gets the next version.");
  }

  @Test
  void unknownCategoryIsRefused() throws NoSuchMethodException {
    RegisteredFunction f = new RegisteredFunction("widgets", "w.v1",
        TestFunctions.class.getMethod("broken"));

    assertThatThrownBy(() -> new Registries().add(f)).hasMessageStartingWith(
        "[E040] unknown registry category \"widgets\". Known categories: layers, architectures");
  }

  @Test
  void functionCompiledWithoutParameterNamesIsRefusedAtRegistration(@TempDir Path dir)
      throws Exception {
    Path classes = TestCompiler.compile(dir, "Nameless.java", """
        import dev.kiln.config.Registered;
        public class Nameless {
          @Registered(category = "schedules", name = "nameless.v1")
          public static double rate(double value) { return value; }
        }
        """);
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> holder = loader.loadClass("Nameless");

      assertThatThrownBy(() -> new Registries().addAll(holder))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Nameless.rate was compiled without -parameters");
    }
  }
}
