package dev.kiln.config;

import static dev.kiln.config.Sections.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins added with --code register schedules that configs then call. */
class PluginsTest {
  /** A schedule plugin in one source file, with its provider as a public nested class. */
  private static final String WARMUP_SOURCE = """
      package plugin.warmup;

      import dev.kiln.config.Default;
      import dev.kiln.config.Registered;
      import dev.kiln.config.Registries;
      import dev.kiln.config.RegistryProvider;

      public final class Warmup {
        @Registered(category = "schedules", name = "test.warmup.v1")
        public static Double warmup(@Default("10") int steps, double peak) {
          return peak / steps;
        }

        public static final class Provider implements RegistryProvider {
          @Override
          public void register(Registries registries) {
            registries.addAll(Warmup.class);
          }
        }
      }
      """;

  /** A schedule plugin that returns its own record type, registered by a top-level provider. */
  private static final String STEP_SOURCE = """
      package plugin.step;

      import dev.kiln.config.Registered;
      import dev.kiln.config.Registries;
      import dev.kiln.config.RegistryProvider;

      public final class StepProvider implements RegistryProvider {
        public record Step(double rate, int every) {}

        @Registered(category = "schedules", name = "test.step.v1")
        public static Step step(double rate, int every) {
          return new Step(rate, every);
        }

        @Override
        public void register(Registries registries) {
          registries.addAll(StepProvider.class);
        }
      }
      """;

  @TempDir Path dir;

  private static Object resolveSchedule(ClassLoader loader, Section schedule) {
    Registries registries = Registries.load(loader);
    Map<?, ?> training =
        (Map<?, ?>) Resolver.resolve(of("training", of("schedule", schedule)), registries)
            .get("training");
    return training.get("schedule");
  }

  @Test
  void singleJavaFileIsCompiledAndItsProviderRegistered() throws IOException {
    Path source = dir.resolve("Warmup.java");
    Files.writeString(source, WARMUP_SOURCE);

    ClassLoader loader = Plugins.load(List.of(source), getClass().getClassLoader());

    assertThat(Registries.load(loader).names("schedules")).contains("test.warmup.v1");
    Object value = resolveSchedule(loader, of("@schedules", "test.warmup.v1", "peak", 2L));
    assertThat(value).isEqualTo(0.2);
  }

  @Test
  void jarWithAServiceFileRegistersItsSchedule() throws IOException {
    Path classes = compile(STEP_SOURCE, "StepProvider.java");
    Path jar = dir.resolve("step-plugin.jar");
    jar(classes, jar, "plugin.step.StepProvider");

    ClassLoader loader = Plugins.load(List.of(jar), getClass().getClassLoader());

    Object step = resolveSchedule(loader, of("@schedules", "test.step.v1", "rate", 0.5, "every", 100L));
    assertThat(step.getClass().getName()).isEqualTo("plugin.step.StepProvider$Step");
    assertThat(step).hasToString("Step[rate=0.5, every=100]");
  }

  @Test
  void folderOfClassesWithAServiceFileRegistersItsSchedule() throws IOException {
    Path classes = compile(STEP_SOURCE, "StepProvider.java");
    Path service = classes.resolve(Plugins.SERVICE_FILE);
    Files.createDirectories(service.getParent());
    Files.writeString(service, "plugin.step.StepProvider\n");

    ClassLoader loader = Plugins.load(List.of(classes), getClass().getClassLoader());

    assertThat(Registries.load(loader).names("schedules")).contains("test.step.v1");
  }

  @Test
  void wrongScheduleArgumentsInAPluginAreReportedLikeBuiltIns() throws IOException {
    Path source = dir.resolve("Warmup.java");
    Files.writeString(source, WARMUP_SOURCE);
    ClassLoader loader = Plugins.load(List.of(source), getClass().getClassLoader());

    assertThatThrownBy(() -> resolveSchedule(loader, of("@schedules", "test.warmup.v1", "steps", 0.5)))
        .isInstanceOf(KilnException.class)
        .hasMessageContaining("[E049] training -> schedule -> steps")
        .hasMessageContaining("[E051] training -> schedule -> peak");
  }

  @Test
  void jarListingAMissingProviderFailsToLoadWithACodedError() throws IOException {
    Path classes = compile(STEP_SOURCE, "StepProvider.java");
    Path jar = dir.resolve("typo.jar");
    jar(classes, jar, "plugin.step.StepProvidr");
    ClassLoader loader = Plugins.load(List.of(jar), getClass().getClassLoader());

    assertThatThrownBy(() -> Registries.load(loader))
        .isInstanceOf(KilnException.class)
        .hasMessageStartingWith("[E060] a registry provider cannot be loaded: ")
        .hasMessageContaining("plugin.step.StepProvidr");
  }

  @Test
  void missingEntryIsAnError() {
    Path missing = dir.resolve("nothing.jar");

    assertThatThrownBy(() -> Plugins.load(List.of(missing), getClass().getClassLoader()))
        .isInstanceOf(KilnException.class)
        .hasMessage("[E044] plugin " + missing + ": there is no such file or folder. Pass a "
            + ".jar, a folder of classes or a single .java file to --code.");
  }

  @Test
  void fileOfAnotherKindOrABrokenJarIsAnError() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
    Path fake = Files.writeString(dir.resolve("fake.jar"), "not a zip");

    assertThatThrownBy(() -> Plugins.load(List.of(text), getClass().getClassLoader()))
        .hasMessageContaining("[E044]").hasMessageContaining("neither a .jar, a folder nor a .java");
    assertThatThrownBy(() -> Plugins.load(List.of(fake), getClass().getClassLoader()))
        .hasMessageContaining("[E044]").hasMessageContaining("not a readable jar");
  }

  @Test
  void sourceThatDoesNotCompileListsTheCompilerErrorsWithLines() throws IOException {
    Path source = dir.resolve("Broken.java");
    Files.writeString(source, "public class Broken {\n  int x = \"text\";\n}\n");

    assertThatThrownBy(() -> Plugins.load(List.of(source), getClass().getClassLoader()))
        .isInstanceOf(KilnException.class)
        .hasMessageStartingWith("[E045] plugin " + source + " does not compile:\n  line 2: ")
        .hasMessageContaining("incompatible types");
  }

  @Test
  void sourceWithoutAProviderIsAnError() throws IOException {
    Path source = dir.resolve("Lonely.java");
    Files.writeString(source, "public class Lonely {}\n");

    assertThatThrownBy(() -> Plugins.load(List.of(source), getClass().getClassLoader()))
        .hasMessageContaining("[E044] plugin " + source + ": it defines no public class "
            + "implementing dev.kiln.config.RegistryProvider");
  }

  private Path compile(String code, String fileName) throws IOException {
    return TestCompiler.compile(dir, fileName, code, "-parameters");
  }

  /** Packs a folder of classes into a jar whose service file names {@code provider}. */
  private static void jar(Path classes, Path jar, String provider) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(Plugins.SERVICE_FILE));
      OutputStream entry = out;
      entry.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }
}
