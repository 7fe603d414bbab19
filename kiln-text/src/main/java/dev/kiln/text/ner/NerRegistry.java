package dev.kiln.text.ner;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.text.Doc;
import java.util.List;

/** The registered entity recognition architecture and component. */
public final class NerRegistry {
  private NerRegistry() {}

  /**
   * Per-token BILUO tag scores: the tok2vec's vectors through a linear layer.
   *
   * @param nO the number of BILUO tags (4 per label, plus O); inferred at initialize when null
   */
  @Registered(category = "architectures", name = "kiln.BiluoTagger.v1")
  public static Model<List<Doc>, List<Floats>> biluoTagger(
      Model<List<Doc>, List<Floats>> tok2vec, @Default("null") Integer nO) {
    return BiluoTagger.create(tok2vec, nO);
  }

  /** Named entities ({@code factory = "ner"}), tagged BILUO and decoded to valid sequences only. */
  @Registered(category = "factories", name = "ner.v1")
  public static EntityRecognizer ner(String name, Model<List<Doc>, List<Floats>> model) {
    return new EntityRecognizer(name, model);
  }
}
