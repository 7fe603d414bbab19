package dev.kiln.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The registered functions that configs can call, by category and versioned name.
 *
 * <p>Built from {@link RegistryProvider}s found by {@link ServiceLoader}, so the built-ins and
 * any plugin on the class path (or added with {@code --code}) are populated the same way.
 */
public final class Registries {
  /**
   * The categories of DESIGN.md, plus {@code factories} (pipeline components, which spaCy keeps
   * in a registry of their own) and spaCy's {@code tokenizers} and {@code vectors} (which every
   * spaCy config's {@code [nlp]} calls); a {@code @category} outside this list is an error.
   */
  public static final List<String> CATEGORIES =
      List.of(
          "layers", "architectures", "optimizers", "schedules", "losses", "initializers",
          "readers", "batchers", "loggers", "hooks", "callbacks", "scorers", "augmenters",
          "factories", "tokenizers", "vectors");

  /** A registered name ends in its version: {@code Adam.v1}, {@code kiln.TextCat.v2}. */
  private static final Pattern VERSIONED = Pattern.compile(".+\\.v\\d+");

  private final Map<String, Map<String, RegisteredFunction>> byCategory = new TreeMap<>();
  private final Conversions conversions = new Conversions();

  public Registries() {
    for (String category : CATEGORIES) {
      byCategory.put(category, new TreeMap<>());
    }
  }

  /**
   * Registries filled by every provider visible to {@code loader}.
   *
   * @throws KilnException {@link ErrorCode#E060} if a listed provider class is missing or broken
   */
  public static Registries load(ClassLoader loader) {
    Registries registries = new Registries();
    try {
      for (RegistryProvider provider : ServiceLoader.load(RegistryProvider.class, loader)) {
        provider.register(registries);
      }
    } catch (ServiceConfigurationError e) {
      throw new KilnException(ErrorCode.E060, List.of(), e, e.getMessage());
    }
    return registries;
  }

  /** Registries filled by every provider on the class path of this library. */
  public static Registries load() {
    return load(Registries.class.getClassLoader());
  }

  /** Registers every public static method of {@code holder} annotated with {@link Registered}. */
  public void addAll(Class<?> holder) {
    for (Method method : holder.getMethods()) {
      Registered registered = method.getAnnotation(Registered.class);
      if (registered != null && Modifier.isStatic(method.getModifiers())) {
        add(new RegisteredFunction(registered.category(), registered.name(), method));
      }
    }
  }

  /**
   * Registers one function; a name without a {@code .vN} version (E059), or a second function
   * under the same category and name (E043), is an error.
   *
   * @throws IllegalStateException if its parameters' config keys are unknown (compiled without
   *     {@code -parameters} and not named with {@link Name}): a bug in the registering code
   */
  public void add(RegisteredFunction function) {
    if (!VERSIONED.matcher(function.name()).matches()) {
      throw new KilnException(ErrorCode.E059, function.describe(), function.name());
    }
    ArgumentSpec.of(function.method());
    Map<String, RegisteredFunction> names = byCategory.get(function.category());
    if (names == null) {
      throw new KilnException(
          ErrorCode.E040, function.category(), String.join(", ", CATEGORIES));
    }
    RegisteredFunction earlier = names.putIfAbsent(function.name(), function);
    if (earlier != null && !earlier.method().equals(function.method())) {
      throw new KilnException(
          ErrorCode.E043, function.category() + "." + function.name(), function.name(),
          function.category(), earlier.describe(), function.describe());
    }
  }

  /**
   * Lets a value of type {@code source} stand where a parameter wants {@code target}: a number
   * where an optimizer wants a schedule, for example.
   */
  public <S, T> void addConversion(Class<S> source, Class<T> target, Function<S, T> conversion) {
    conversions.add(source, target, conversion);
  }

  public Conversions conversions() {
    return conversions;
  }

  public Set<String> categories() {
    return Collections.unmodifiableSet(byCategory.keySet());
  }

  /** The names registered in {@code category}, sorted. */
  public Set<String> names(String category) {
    Map<String, RegisteredFunction> names = byCategory.get(category);
    return names == null ? Set.of() : Collections.unmodifiableSet(names.keySet());
  }

  public Optional<RegisteredFunction> find(String category, String name) {
    Map<String, RegisteredFunction> names = byCategory.get(category);
    return names == null ? Optional.empty() : Optional.ofNullable(names.get(name));
  }
}
