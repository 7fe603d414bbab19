package dev.kiln.train.build;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.config.Section;
import dev.kiln.train.Checkpointable;
import dev.kiln.train.Component;
import dev.kiln.train.Datum;
import dev.kiln.train.Pipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the pipeline a config describes: the components named by {@code [nlp] pipeline} (or
 * every {@code [components]} section, in order), each made by its registered factory, or taken
 * with its weights from a trained pipeline with {@code source = "path/to/model-best"}
 * ({@link SourcedComponents}).
 */
public final class PipelineBuilder {
  private PipelineBuilder() {}

  /** The component names in pipeline order. */
  public static List<String> componentNames(Section root) {
    Section components = root.section("components").orElseGet(Section::new);
    Object listed = root.section("nlp").map(nlp -> nlp.get("pipeline")).orElse(null);
    if (!(listed instanceof List<?> names)) {
      return List.copyOf(components.keys());
    }
    List<String> order = new ArrayList<>();
    for (Object name : names) {
      String text = String.valueOf(name);
      if (!components.has(text)) {
        throw new KilnException(ErrorCode.E221, text, String.join(", ", components.keys()));
      }
      order.add(text);
    }
    return order;
  }

  /** The components taken from trained pipelines ({@code source = ...}): trained further, not initialized. */
  public static List<String> sourcedNames(Section root) {
    Section components = root.section("components").orElseGet(Section::new);
    List<String> sourced = new ArrayList<>();
    for (String name : componentNames(root)) {
      if (components.section(name).map(section -> section.has(SourcedComponents.SOURCE)).orElse(false)) {
        sourced.add(name);
      }
    }
    return sourced;
  }

  /**
   * The components of an interpolated (and filled) config root, built and, when sourced, loaded
   * from their source pipelines.
   */
  public static <D extends Datum> Pipeline<D> build(Section root, Registries registries) {
    return build(root, registries, SourcedComponents.lookUp(root));
  }

  /**
   * The components of an interpolated (and filled) config root, built; the sourced ones from the
   * sections {@code sourced} gives, with the weights it points to, if any.
   */
  @SuppressWarnings("unchecked")
  public static <D extends Datum> Pipeline<D> build(Section root, Registries registries, SourcedComponents sourced) {
    Section components = root.section("components").orElseGet(Section::new);
    Section promises = new Section();
    List<String> names = componentNames(root);
    for (String name : names) {
      Section section = components.section(name).orElseThrow();
      if (!sourced.has(name)) {
        promises.put(name, ComponentSections.toPromise(name, section, registries), section.line());
      }
    }
    Section wrapper = new Section();
    wrapper.put("components", promises);
    Map<String, Object> built = (Map<String, Object>) Resolver.resolve(wrapper, registries).get("components");
    List<Component<D>> pipeline = new ArrayList<>();
    for (String name : names) {
      pipeline.add(sourced.has(name)
          ? (Component<D>) sourced(name, sourced.get(name), registries)
          : (Component<D>) built.get(name));
    }
    return new Pipeline<>(pipeline);
  }

  private static KilnException replaced(String name, SourcedComponents.Sourced sourced) {
    return new KilnException(ErrorCode.E265, sourced.origin().source(),
        "between reading the config of the component " + name + " and reading its weights");
  }

  /** A sourced component, built from its section under its name here, with its weights if it has them. */
  private static Component<?> sourced(String name, SourcedComponents.Sourced sourced, Registries registries) {
    Section promises = new Section();
    promises.put(name, ComponentSections.toPromise(name, sourced.section(), registries));
    Section wrapper = new Section();
    wrapper.put("components", promises);
    @SuppressWarnings("unchecked")
    Map<String, Object> built = (Map<String, Object>) Resolver.resolve(wrapper, registries).get("components");
    Component<?> component = (Component<?>) built.get(name);
    if (component instanceof Checkpointable checkpointable && sourced.weights().isPresent()) {
      Path folder = sourced.weights().get();
      try {
        checkpointable.load(folder);
      } catch (IOException | RuntimeException e) {
        if (sourced.sourceReplaced()) {
          throw replaced(name, sourced);
        }
        if (e instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new KilnException(ErrorCode.E226, folder.getParent(), "the folder of its component "
            + folder.getFileName() + " cannot be read (" + e.getMessage() + ")");
      }
      if (sourced.sourceReplaced()) {
        throw replaced(name, sourced);
      }
    }
    return component;
  }
}
