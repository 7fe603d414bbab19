package dev.kiln.config;

/**
 * Checks a config against the registered functions it names without calling any of them: every
 * name is registered, every argument is known, present and of its parameter's type, and every
 * nested promise's declared return type fits where it is used.
 */
public final class Validator {
  private Validator() {}

  /**
   * Finds every problem the {@link Resolver} would report before calling functions.
   *
   * @throws KilnException {@link ErrorCode#E042} listing every problem found
   */
  public static void validate(Section interpolatedRoot, Registries registries) {
    Problems problems = new Problems();
    new Resolution(registries, problems, false).section(interpolatedRoot, Location.ROOT);
    problems.throwIfAny();
  }
}
