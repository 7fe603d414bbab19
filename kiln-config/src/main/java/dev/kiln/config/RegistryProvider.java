package dev.kiln.config;

/**
 * A module's or plugin's list of registered functions, found through
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.kiln.config.RegistryProvider}
 * file names the implementing classes). Population is explicit: nothing registers itself from a
 * static initialiser.
 */
public interface RegistryProvider {
  /** Adds this provider's functions, typically one {@link Registries#addAll} per holding class. */
  void register(Registries registries);
}
