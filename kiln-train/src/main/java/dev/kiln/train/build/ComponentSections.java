package dev.kiln.train.build;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.RegisteredFunction;
import dev.kiln.config.Section;
import dev.kiln.config.Suggestions;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * spaCy's component sections ({@code [components.textcat]} with {@code factory = "textcat"})
 * as calls of registered {@code @factories} functions, and back.
 *
 * <p>A bare factory name means its first version ({@code "textcat"} is {@code "textcat.v1"}),
 * since spaCy's factory names carry no version. The factory's {@code name} argument, when it has
 * one, is the component's key in {@code [components]}.
 */
public final class ComponentSections {
  static final String FACTORY = "factory";
  private static final Pattern VERSIONED = Pattern.compile(".*\\.v\\d+$");

  private ComponentSections() {}

  /** The section as a promise: {@code @factories = "name.vN"} and its other keys as arguments. */
  public static Section toPromise(String component, Section section, Registries registries) {
    if (section.isPromise()) {
      return section.copy();
    }
    if (!(section.get(FACTORY) instanceof String factory)) {
      throw new KilnException(ErrorCode.E220, component, String.join(", ", registries.names("factories")));
    }
    String name = VERSIONED.matcher(factory).matches() ? factory : factory + ".v1";
    Section promise = new Section(section.line());
    promise.put("@factories", name, section.lineOf(FACTORY));
    section.entries().forEach((key, value) -> {
      if (!key.equals(FACTORY) && !SpacyScorers.isOwnDefault(component, factory, key, value)) {
        promise.put(key, Section.copyValue(value), section.lineOf(key));
      }
    });
    Optional<RegisteredFunction> function = registries.find("factories", name);
    if (function.isEmpty()) {
      List<String> known = registries.names("factories").stream()
          .map(registered -> registered.replaceFirst("\\.v1$", "")).sorted().toList();
      throw new KilnException(ErrorCode.E227, component, factory, Suggestions.didYouMean(factory, known),
          String.join(", ", known));
    }
    if (takesName(function.get()) && !promise.has("name")) {
      promise.put("name", component, section.line());
    }
    return promise;
  }

  /** A filled promise written back in spaCy's form, with the injected name left out. */
  public static Section toFactoryForm(Section original, Section filledPromise) {
    if (original.isPromise()) {
      return filledPromise;
    }
    Section section = new Section(original.line());
    section.put(FACTORY, original.get(FACTORY), original.lineOf(FACTORY));
    filledPromise.entries().forEach((key, value) -> {
      boolean injected = key.equals("name") && !original.has("name");
      if (!key.equals("@factories") && !injected) {
        section.put(key, value, filledPromise.lineOf(key));
      }
    });
    if (original.has(SpacyScorers.KEY) && !section.has(SpacyScorers.KEY)) {
      section.put(SpacyScorers.KEY, Section.copyValue(original.get(SpacyScorers.KEY)), original.lineOf(SpacyScorers.KEY));
    }
    return section;
  }

  private static boolean takesName(RegisteredFunction function) {
    for (Parameter parameter : function.method().getParameters()) {
      if (parameter.getName().equals("name")) {
        return true;
      }
    }
    return false;
  }
}
