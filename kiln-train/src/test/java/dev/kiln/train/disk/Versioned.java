package dev.kiln.train.disk;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.train.Checkpointable;
import dev.kiln.train.Component;
import dev.kiln.train.Scripted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test component whose saved state is one version number, and the pipelines of two such
 * components, {@code a} and {@code b}: loading {@code a} with {@code commit_on_load} set commits the
 * next version of the pipeline into that directory (a run replacing its model-last between the
 * reads of a reader's two components), the last one to do so unless {@code forever}.
 */
public final class Versioned implements Component<Scripted.Doc>, Checkpointable {
  private static final String FILE = "version.txt";

  private final String name;
  private final String commitOnLoad;
  private final boolean forever;
  private int version;

  private Versioned(String name, String commitOnLoad, boolean forever) {
    this.name = name;
    this.commitOnLoad = commitOnLoad;
    this.forever = forever;
  }

  /** The component {@code factory = "test.versioned"}. */
  @Registered(category = "factories", name = "test.versioned.v1")
  public static Versioned create(String name, @Default("\"\"") String commit_on_load,
      @Default("false") boolean forever) {
    return new Versioned(name, commit_on_load, forever);
  }

  @Override
  public String name() {
    return name;
  }

  /** The version it read. */
  int version() {
    return version;
  }

  @Override
  public void save(Path folder) throws IOException {
    Files.writeString(folder.resolve(FILE), Integer.toString(version));
  }

  @Override
  public void load(Path folder) throws IOException {
    version = Integer.parseInt(Files.readString(folder.resolve(FILE)).trim());
    if (!commitOnLoad.isEmpty()) {
      AtomicDirectory.commit(Path.of(commitOnLoad), pipeline(version + 1, forever ? commitOnLoad : "", forever));
    }
  }

  /** The pipeline at {@code version}; see the class comment for the other two. */
  static AtomicDirectory.Contents pipeline(int version, String commitOnLoad, boolean forever) {
    return staging -> {
      StringBuilder config = new StringBuilder("[nlp]\npipeline = [\"a\", \"b\"]\n\n[components]\n");
      for (String component : new String[] {"a", "b"}) {
        config.append("\n[components.").append(component).append("]\nfactory = \"test.versioned\"\n");
        if (component.equals("a") && !commitOnLoad.isEmpty()) {
          config.append("commit_on_load = \"").append(commitOnLoad).append("\"\nforever = ").append(forever).append('\n');
        }
        Path folder = Files.createDirectories(staging.resolve(component));
        Files.writeString(folder.resolve(FILE), Integer.toString(version));
      }
      Files.writeString(staging.resolve(PipelineDirectory.CONFIG), config.toString(), StandardCharsets.UTF_8);
    };
  }

  /** The pipeline at {@code version}, loaded by no one's side effects. */
  static AtomicDirectory.Contents pipeline(int version) {
    return pipeline(version, "", false);
  }
}
