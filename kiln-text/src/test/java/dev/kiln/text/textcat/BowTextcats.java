package dev.kiln.text.textcat;

import dev.kiln.config.Config;
import dev.kiln.config.Registries;
import dev.kiln.text.Doc;
import dev.kiln.train.Pipeline;
import dev.kiln.train.build.PipelineBuilder;

/** Text classifiers of spaCy's bag-of-n-grams architecture, built from a config as kiln train builds them. */
final class BowTextcats {
  private BowTextcats() {}

  /** The component {@code factory} ({@code textcat} or {@code textcat_multilabel}), named as its factory. */
  static TextCategorizer of(String factory, boolean exclusive) {
    return of(factory, factory, exclusive);
  }

  /** As {@link #of(String, boolean)}, the component named {@code name} (which seeds its weights). */
  static TextCategorizer of(String name, String factory, boolean exclusive) {
    String text = """
        [components]

        [components.%1$s]
        factory = "%2$s"

        [components.%1$s.model]
        @architectures = "spacy.TextCatBOW.v2"
        exclusive_classes = %3$s
        length = 4096
        """.formatted(name, factory, exclusive);
    Pipeline<Doc> pipeline = PipelineBuilder.build(Config.parse(text, "config.cfg").interpolate().root(), Registries.load());
    return (TextCategorizer) pipeline.component(name);
  }
}
