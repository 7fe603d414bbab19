package dev.kiln.text;

import dev.kiln.config.Registries;
import dev.kiln.config.RegistryProvider;

/** kiln-text's registered functions: the text readers, architectures and components. */
public final class TextRegistryProvider implements RegistryProvider {
  @Override
  public void register(Registries registries) {
    registries.addAll(TextRegistry.class);
    registries.addAll(NlpRegistry.class);
    registries.addAll(dev.kiln.text.textcat.TextcatRegistry.class);
    registries.addAll(dev.kiln.text.sents.SentencizerRegistry.class);
    registries.addAll(dev.kiln.text.ner.NerRegistry.class);
    registries.addAll(dev.kiln.text.tok2vec.Tok2VecRegistry.class);
    registries.addAll(dev.kiln.text.tagger.TaggerRegistry.class);
  }
}
