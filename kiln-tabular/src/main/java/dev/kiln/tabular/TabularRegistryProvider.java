package dev.kiln.tabular;

import dev.kiln.config.Registries;
import dev.kiln.config.RegistryProvider;

/** kiln-tabular's registered functions: the CSV reader and the tabular components. */
public final class TabularRegistryProvider implements RegistryProvider {
  @Override
  public void register(Registries registries) {
    registries.addAll(TabularRegistry.class);
  }
}
