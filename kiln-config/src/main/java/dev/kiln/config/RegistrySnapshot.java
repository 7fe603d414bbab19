package dev.kiln.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The contents of {@link Registries} as sorted JSON ({@code {"category": ["name", ...]}}), for
 * snapshot tests that make a lost or renamed registered name fail the build, as spaCy's
 * {@code registry_contents.json} does.
 */
public final class RegistrySnapshot {
  /** Set this system property to {@code true} to rewrite snapshot files instead of checking. */
  public static final String UPDATE_PROPERTY = "kiln.updateSnapshots";

  private RegistrySnapshot() {}

  /** Every category (even empty ones) with its names, sorted, two-space indented, final newline. */
  public static String of(Registries registries) {
    StringBuilder json = new StringBuilder("{");
    List<String> categories = new ArrayList<>(registries.categories());
    categories.sort(null);
    for (int c = 0; c < categories.size(); c++) {
      String category = categories.get(c);
      json.append(c == 0 ? "\n" : ",\n").append("  ").append(quote(category)).append(": [");
      List<String> names = new ArrayList<>(registries.names(category));
      names.sort(null);
      for (int n = 0; n < names.size(); n++) {
        json.append(n == 0 ? "\n" : ",\n").append("    ").append(quote(names.get(n)));
      }
      json.append(names.isEmpty() ? "]" : "\n  ]");
    }
    return json.append("\n}\n").toString();
  }

  /**
   * Checks that {@code registries} match the committed {@code snapshotFile}; with
   * {@code -Dkiln.updateSnapshots=true} it rewrites the file instead.
   *
   * @throws AssertionError naming each added and removed entry and how to accept the change
   */
  public static void verify(Registries registries, Path snapshotFile) {
    String actual = of(registries);
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(snapshotFile.toAbsolutePath().getParent());
        Files.writeString(snapshotFile, actual, StandardCharsets.UTF_8);
        return;
      }
      String expected =
          Files.exists(snapshotFile) ? Files.readString(snapshotFile, StandardCharsets.UTF_8) : "";
      if (!expected.equals(actual)) {
        throw new AssertionError(difference(entries(expected), entries(actual), snapshotFile));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String difference(Set<String> expected, Set<String> actual, Path file) {
    Set<String> added = new LinkedHashSet<>(actual);
    added.removeAll(expected);
    Set<String> removed = new LinkedHashSet<>(expected);
    removed.removeAll(actual);
    StringBuilder message = new StringBuilder("The registry no longer matches ").append(file);
    message.append(".\n  added:   ").append(added.isEmpty() ? "(none)" : String.join(", ", added));
    message.append("\n  removed: ").append(removed.isEmpty() ? "(none)" : String.join(", ", removed));
    message.append("\nA removed name breaks every saved config that uses it: keep it, and register")
        .append(" changed behaviour under a new version (.v2) instead.")
        .append("\nIf the change is intended, rerun this test with -D").append(UPDATE_PROPERTY)
        .append("=true (for example: mvn -B -o -pl <module> test -Dtest=<this test> -D")
        .append(UPDATE_PROPERTY).append("=true) and commit the rewritten ").append(file)
        .append('.');
    return message.toString();
  }

  /** The snapshot's entries as {@code category/name}; empty for a missing or broken file. */
  private static Set<String> entries(String snapshot) {
    Set<String> entries = new LinkedHashSet<>();
    try {
      JsonNode root = new ObjectMapper().readTree(snapshot);
      if (root != null) {
        root.fields().forEachRemaining(category -> category.getValue().forEach(
            name -> entries.add(category.getKey() + "/" + name.asText())));
      }
    } catch (JsonProcessingException broken) {
      // A hand-damaged snapshot: every current entry shows as added, which says enough.
    }
    return entries;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
