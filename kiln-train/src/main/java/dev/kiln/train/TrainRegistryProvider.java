package dev.kiln.train;

import dev.kiln.config.Registries;
import dev.kiln.config.RegistryProvider;
import dev.kiln.train.batch.Batchers;
import dev.kiln.train.hooks.Hooks;
import dev.kiln.train.images.ImageRegistry;
import dev.kiln.train.init.InitRegistry;
import dev.kiln.train.log.Loggers;
import dev.kiln.train.vectors.VectorRegistry;

/** kiln-train's registered functions: loggers, hooks, batchers, readers (of data and of labels), spaCy's default scorers. */
public final class TrainRegistryProvider implements RegistryProvider {
  @Override
  public void register(Registries registries) {
    registries.addAll(Loggers.class);
    registries.addAll(Hooks.class);
    registries.addAll(Batchers.class);
    registries.addAll(VectorRegistry.class);
    registries.addAll(ImageRegistry.class);
    registries.addAll(InitRegistry.class);
    registries.addAll(dev.kiln.train.build.SpacyScorers.class);
  }
}
