package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles plugin sources in tests, as a plugin author's build would. */
final class TestCompiler {
  private TestCompiler() {}

  /** Compiles {@code code} (saved as {@code fileName}) into {@code out} with extra javac options. */
  static Path compile(Path dir, String fileName, String code, String... options) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path out = Files.createDirectories(dir.resolve("classes"));
    Path file = Files.writeString(src.resolve(fileName), code);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath = System.getProperty("java.class.path") + File.pathSeparator
        + Path.of(Registries.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", classPath, "-proc:none"));
    args.addAll(List.of(options));
    args.add(file.toString());
    int status = javac.run(null, null, null, args.toArray(String[]::new));
    assertThat(status).as("test plugin compiles").isZero();
    return out;
  }
}
