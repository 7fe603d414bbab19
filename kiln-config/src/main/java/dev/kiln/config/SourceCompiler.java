package dev.kiln.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles one plugin {@code .java} file in-process into a fresh temporary folder. */
final class SourceCompiler {
  private SourceCompiler() {}

  /**
   * The folder holding the classes compiled from {@code source}.
   *
   * @param classPath what the source may import, joined with the platform's path separator
   * @throws KilnException {@link ErrorCode#E045} listing the compiler's errors, or
   *     {@link ErrorCode#E044} when this Java runtime has no compiler
   */
  static Path compile(Path source, String classPath) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new KilnException(ErrorCode.E044, source,
          "this Java runtime has no compiler; run kiln on a JDK or compile the plugin to a jar");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path out = Files.createTempDirectory("kiln-code-");
      List<String> options =
          List.of("-d", out.toString(), "-classpath", classPath, "-parameters", "-proc:none",
              "-encoding", "UTF-8", "-nowarn");
      boolean ok =
          compiler.getTask(null, files, diagnostics, options, null,
              files.getJavaFileObjects(source.toFile())).call();
      if (!ok) {
        TemporaryFiles.deleteOnExit(out);
        throw new KilnException(ErrorCode.E045, source, errors(diagnostics));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String errors(DiagnosticCollector<JavaFileObject> diagnostics) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append("  line ").append(d.getLineNumber()).append(": ")
            .append(d.getMessage(Locale.ROOT));
      }
    }
    return text.toString();
  }
}
