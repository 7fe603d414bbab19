package dev.kiln.config;

import java.util.List;
import java.util.Map;

/**
 * The last config stage: turns an interpolated config into values by calling every registered
 * function it names, bottom-up, with arguments typed from the functions' Java signatures.
 *
 * <p>Rules, following Thinc's confection:
 *
 * <ul>
 *   <li>A section (or inline JSON object) with one {@code @category = "name"} key is a promise:
 *       its other keys are keyword arguments, its {@code *} section's values are positional
 *       arguments in order ({@code * = [...]}, a JSON list, works too). Nested promises are
 *       resolved first. Other JSON lists are taken as written, as in confection (which also
 *       leaves objects in a {@code *} list unresolved; kiln resolves them).
 *   <li>Positional arguments fill the leading parameters, then a varargs parameter or one named
 *       {@code "*"} with {@link Name} takes the rest.
 *   <li>Numbers become {@code int}, {@code long}, {@code float} or {@code double} if they fit
 *       (an integer is fine for a {@code double}, a fraction is not for an {@code int});
 *       strings become enums (ignoring case) and {@link java.nio.file.Path}s; JSON lists and
 *       objects become {@code List<T>}, {@code Map<String,T>} and records; {@code Optional}
 *       parameters and those whose {@link Default} is {@code null} accept null; a value of
 *       another type goes through {@link Registries#addConversion} if one applies.
 *   <li>Unknown and missing arguments are errors; a function that throws
 *       {@link KilnException} has its message reported at its path; other exceptions are bugs
 *       and propagate.
 * </ul>
 *
 * <p>Every problem is collected and thrown as one {@link KilnException} with code
 * {@link ErrorCode#E042} whose {@link KilnException#problems()} name each path and line.
 */
public final class Resolver {
  private Resolver() {}

  /**
   * The config as ordered maps, with every promise replaced by its function's return value and
   * every {@code *} section by the list of its values.
   *
   * @throws KilnException {@link ErrorCode#E042} listing every problem found
   */
  public static Map<String, Object> resolve(Section interpolatedRoot, Registries registries) {
    Problems problems = new Problems();
    Map<String, Object> resolved =
        new Resolution(registries, problems, true).section(interpolatedRoot, Location.ROOT);
    problems.throwIfAny();
    return resolved;
  }

  /**
   * {@code section} resolved and bound to a record, whose components are typed, named and
   * defaulted like the parameters of a registered function; keys the record lacks are errors.
   *
   * @throws KilnException {@link ErrorCode#E042} listing every problem found
   */
  public static <R extends Record> R resolveAs(
      Section section, Class<R> recordType, Registries registries) {
    return resolveAs(section, List.of(), recordType, registries);
  }

  /**
   * As {@link #resolveAs(Section, Class, Registries)}, for the section at {@code path} of a
   * config ({@code ["training"]}), which problems then name: {@code training -> max_steps}.
   */
  public static <R extends Record> R resolveAs(
      Section section, List<String> path, Class<R> recordType, Registries registries) {
    Problems problems = new Problems();
    Resolution resolution = new Resolution(registries, problems, true);
    Location at = new Location(path, section.line());
    Object value = resolution.coercion().coerce(resolution.value(section, at), recordType, at);
    problems.throwIfAny();
    return recordType.cast(value);
  }
}
