package dev.kiln.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The config corpus under {@code src/test/resources/corpus}, with Thinc's expectations. */
final class Corpus {
  static final Path DIR = Path.of("src/test/resources/corpus");

  private Corpus() {}

  /** The valid configs, {@code NN-name.cfg}, in name order. */
  static List<Path> configs() {
    return list(DIR);
  }

  /** The inputs kiln must refuse, {@code errors/NN-name.cfg}. */
  static List<Path> errors() {
    return list(DIR.resolve("errors"));
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".cfg")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file next to {@code cfg} with this suffix instead of {@code .cfg}. */
  static Path sibling(Path cfg, String suffix) {
    String name = cfg.getFileName().toString();
    return cfg.resolveSibling(name.substring(0, name.length() - ".cfg".length()) + suffix);
  }

  /** The overrides of {@code NN-name.overrides.json}, as the CLI would pass them; empty if none. */
  static Map<String, Object> overrides(Path cfg) {
    Path file = sibling(cfg, ".overrides.json");
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (Files.exists(file)) {
      try {
        JsonNode node = new ObjectMapper().readTree(read(file));
        node.fields().forEachRemaining(
            e -> overrides.put(e.getKey(), Config.parseValue(e.getValue().toString())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return overrides;
  }

  /** Parses, overrides and interpolates {@code cfg} as {@code kiln config show --interpolate} does. */
  static Config load(Path cfg) {
    return Config.read(cfg).withOverrides(overrides(cfg)).interpolate();
  }
}
