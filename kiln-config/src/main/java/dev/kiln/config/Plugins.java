package dev.kiln.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Adds user code to the class path ({@code kiln train --code ...}) so that its
 * {@link RegistryProvider}s register functions configs can call.
 *
 * <p>Each entry is one of:
 *
 * <ul>
 *   <li>a {@code .jar}, whose {@code META-INF/services/dev.kiln.config.RegistryProvider} names
 *       its providers;
 *   <li>a folder of compiled classes, laid out the same way;
 *   <li>a single {@code .java} file, compiled in-process with the JDK's compiler against the
 *       current class path (so it can import {@code dev.kiln.config.*}) and the entries before
 *       it. A source file carries no service file, so the rule is: <b>every public, concrete
 *       class in it (top-level or public static nested) that implements {@link RegistryProvider}
 *       and has a public no-argument constructor is registered</b>. A file with none is an error.
 * </ul>
 *
 * <p>Then {@code Registries.load(loader)} finds the providers. Compiled classes go to a
 * temporary folder deleted when the JVM exits.
 */
public final class Plugins {
  static final String SERVICE_FILE = "META-INF/services/" + RegistryProvider.class.getName();

  private Plugins() {}

  /**
   * A class loader that sees {@code code} and, through {@code parent}, everything else.
   *
   * @throws KilnException {@link ErrorCode#E044} for a missing or unusable entry,
   *     {@link ErrorCode#E045} for a {@code .java} file that does not compile
   */
  public static ClassLoader load(List<Path> code, ClassLoader parent) {
    List<URL> urls = new ArrayList<>();
    for (Path entry : code) {
      urls.add(toUrl(prepare(entry, urls, parent)));
    }
    return new URLClassLoader(urls.toArray(URL[]::new), parent);
  }

  /** The folder or jar to put on the class path for {@code entry}, compiling it if needed. */
  private static Path prepare(Path entry, List<URL> earlier, ClassLoader parent) {
    if (Files.isDirectory(entry)) {
      return entry;
    }
    if (!Files.isRegularFile(entry)) {
      throw new KilnException(ErrorCode.E044, entry, "there is no such file or folder");
    }
    String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jar")) {
      checkJar(entry);
      return entry;
    }
    if (name.endsWith(".java")) {
      Path classes = SourceCompiler.compile(entry, classPath(earlier, parent));
      writeServiceFile(entry, classes, earlier, parent);
      return classes;
    }
    throw new KilnException(
        ErrorCode.E044, entry, "it is neither a .jar, a folder nor a .java file");
  }

  private static void checkJar(Path jar) {
    // Opening reads the central directory: enough to know it is a jar.
    try (JarFile opened = new JarFile(jar.toFile())) {
      opened.size();
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E044, jar, "it is not a readable jar (" + e.getMessage() + ")");
    }
  }

  /** Lists the source file's provider classes, so ServiceLoader finds them like a jar's. */
  private static void writeServiceFile(
      Path source, Path classes, List<URL> earlier, ClassLoader parent) {
    List<URL> urls = new ArrayList<>(earlier);
    urls.add(toUrl(classes));
    List<String> providers = new ArrayList<>();
    try (URLClassLoader probe = new URLClassLoader(urls.toArray(URL[]::new), parent);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = classes.relativize(file).toString();
        if (relative.endsWith(".class")) {
          String className =
              relative.substring(0, relative.length() - ".class".length())
                  .replace(File.separatorChar, '.');
          if (isProvider(probe.loadClass(className))) {
            providers.add(className);
          }
        }
      }
      if (providers.isEmpty()) {
        throw new KilnException(ErrorCode.E044, source,
            "it defines no public class implementing " + RegistryProvider.class.getName()
                + " with a public no-argument constructor, so nothing in it can register");
      }
      Path service = classes.resolve(SERVICE_FILE);
      Files.createDirectories(service.getParent());
      Files.writeString(service, String.join("\n", providers) + "\n", StandardCharsets.UTF_8);
      TemporaryFiles.deleteOnExit(classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new KilnException(ErrorCode.E044, source, "its classes cannot be loaded (" + e + ")");
    }
  }

  private static boolean isProvider(Class<?> c) {
    int modifiers = c.getModifiers();
    if (!RegistryProvider.class.isAssignableFrom(c)
        || !java.lang.reflect.Modifier.isPublic(modifiers)
        || java.lang.reflect.Modifier.isAbstract(modifiers)
        || (c.getEnclosingClass() != null && !java.lang.reflect.Modifier.isStatic(modifiers))) {
      return false;
    }
    try {
      return java.lang.reflect.Modifier.isPublic(c.getConstructor().getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /**
   * What a plugin source compiles against: the JVM's class path, the jar or folder holding
   * kiln-config (tests and shaded launchers may not list it there), the parent loader's URLs
   * and the earlier {@code --code} entries.
   */
  private static String classPath(List<URL> earlier, ClassLoader parent) {
    Set<String> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    entries.add(pathOf(Registries.class.getProtectionDomain().getCodeSource().getLocation()));
    for (ClassLoader l = parent; l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader urlLoader) {
        for (URL url : urlLoader.getURLs()) {
          entries.add(pathOf(url));
        }
      }
    }
    for (URL url : earlier) {
      entries.add(pathOf(url));
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String pathOf(URL url) {
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return url.getPath();
    }
  }

  private static URL toUrl(Path path) {
    try {
      return path.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException("a file path that is no URL: " + path, e);
    }
  }
}
