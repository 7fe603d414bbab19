package dev.kiln.train.disk;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import dev.kiln.train.Pipes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where a trained pipeline came from: the hash of its filled config, each data file's SHA-256
 * and size, the seed, kiln's version and the git commit of the working directory, if any.
 *
 * @param configSha256 SHA-256 of the filled config text
 * @param data the data files, by path as the config names them
 * @param seed the training seed
 * @param kilnVersion the kiln version that trained it
 * @param gitCommit the commit of the repository the run started in, or null
 */
public record Provenance(
    String configSha256, Map<String, DataFile> data, long seed, String kilnVersion, String gitCommit) {
  /** One data file's size in bytes and SHA-256. */
  public record DataFile(long size, String sha256) {}

  /**
   * The provenance of a run: {@code dataPaths} are the config's {@code [paths]} values and its
   * corpora's paths; those that name files (or folders, whose files are each listed, or the
   * start of files' names, as an IDX pair's prefix does) are fingerprinted.
   *
   * @throws KilnException E219 for a path that is a pipe, or a prefix of one, which cannot be read again
   */
  public static Provenance of(String filledConfig, List<Path> dataPaths, long seed) {
    Map<String, DataFile> data = new LinkedHashMap<>();
    for (Path path : dataPaths) {
      // A named pipe's second pass waited for a writer for ever; a shell's <(...) was empty the
      // second time, so a corpus with categories was "without categories" (E326).
      if (Pipes.isPipe(path)) {
        throw new KilnException(ErrorCode.E219, path);
      }
      for (Path file : files(path)) {
        if (Pipes.isPipe(file)) {
          throw new KilnException(ErrorCode.E219, file);
        }
        try {
          data.put(file.toString(), new DataFile(Files.size(file), Manifest.sha256(file)));
        } catch (IOException e) {
          throw new KilnException(ErrorCode.E080, file, IoReason.of(e));
        }
      }
    }
    return new Provenance(sha256(filledConfig), data, seed, currentKilnVersion(), currentGitCommit());
  }

  /** What differs between this (the saved run) and {@code now}, in words; empty if nothing. */
  public List<String> differences(Provenance now) {
    List<String> changes = new ArrayList<>();
    if (!configSha256.equals(now.configSha256)) {
      changes.add("the config changed");
    }
    data.forEach((file, saved) -> {
      DataFile current = now.data.get(file);
      if (current == null) {
        changes.add("the data file " + file + " is no longer used");
      } else if (!current.equals(saved)) {
        changes.add("the data file " + file + " changed (" + (saved.size() == current.size()
            ? "its content, at the same size of " + current.size() + " bytes"
            : saved.size() + " -> " + current.size() + " bytes") + ")");
      }
    });
    now.data.keySet().stream().filter(file -> !data.containsKey(file))
        .forEach(file -> changes.add("the data file " + file + " is new"));
    if (seed != now.seed) {
      changes.add("the seed changed (" + seed + " -> " + now.seed + ")");
    }
    return changes;
  }

  /** As JSON-ready values for {@code meta.json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> files = new LinkedHashMap<>();
    data.forEach((file, entry) -> {
      Map<String, Object> described = new LinkedHashMap<>();
      described.put("size", entry.size());
      described.put("sha256", entry.sha256());
      files.put(file, described);
    });
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("config_sha256", configSha256);
    map.put("data", files);
    map.put("seed", seed);
    map.put("kiln_version", kilnVersion);
    map.put("git_commit", gitCommit);
    return map;
  }

  /** Reads what {@link #toMap} wrote. */
  @SuppressWarnings("unchecked")
  public static Provenance fromMap(Map<String, Object> map) {
    Map<String, DataFile> data = new LinkedHashMap<>();
    ((Map<String, Object>) map.getOrDefault("data", Map.of())).forEach((file, entry) -> {
      Map<String, Object> fields = (Map<String, Object>) entry;
      data.put(file, new DataFile(((Number) fields.get("size")).longValue(), (String) fields.get("sha256")));
    });
    return new Provenance((String) map.get("config_sha256"), data, ((Number) map.get("seed")).longValue(),
        (String) map.get("kiln_version"), (String) map.get("git_commit"));
  }

  /** The version kiln was built as. */
  public static String currentKilnVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream("/dev/kiln/train/kiln.properties")) {
      Properties properties = new Properties();
      properties.load(Objects.requireNonNull(in, "kiln.properties is built into kiln-train"));
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> files(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      return filesNamedAfter(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E080, path, IoReason.of(e));
    }
  }

  /**
   * The files and pipes beside {@code prefix} whose names start with its name and a dash: the
   * files a prefix stands for, such as {@code data/train} for {@code data/train-images-idx3-ubyte.gz}
   * and {@code data/train-labels-idx1-ubyte.gz} (kiln.Idx.v1). Without them, IDX data named by a
   * prefix alone was not fingerprinted, and --resume did not notice it changed.
   */
  private static List<Path> filesNamedAfter(Path prefix) {
    Path folder = prefix.toAbsolutePath().getParent();
    if (prefix.getFileName() == null || folder == null || !Files.isDirectory(folder)) {
      return List.of();
    }
    String start = prefix.getFileName() + "-";
    try (Stream<Path> siblings = Files.list(folder)) {
      return siblings.filter(file -> file.getFileName().toString().startsWith(start) && !Files.isDirectory(file))
          .map(file -> prefix.resolveSibling(file.getFileName())).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The commit of the git repository around the working directory, or null outside one. */
  private static String currentGitCommit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!git.waitFor(5, TimeUnit.SECONDS) || git.exitValue() != 0 || !out.matches("[0-9a-f]{40}")) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
