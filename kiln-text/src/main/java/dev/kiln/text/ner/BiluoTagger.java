package dev.kiln.text.ner;

import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Linear;
import dev.kiln.nn.layers.WithArray;
import dev.kiln.text.Doc;
import java.util.List;

/**
 * The entity recogniser's network: a tok2vec's token vectors through one linear layer, giving
 * each token an unnormalised score per BILUO tag. The component turns the scores into
 * probabilities for the loss and into a valid tag sequence for prediction.
 */
final class BiluoTagger {
  private BiluoTagger() {}

  /**
   * @param tok2vec one 2-d array of token vectors (tokens x width) per document
   * @param nO the number of BILUO tags; inferred from the labels at initialize when null
   */
  static Model<List<Doc>, List<Floats>> create(Model<List<Doc>, List<Floats>> tok2vec, Integer nO) {
    Model<List<Floats>, List<Floats>> output = WithArray.create(Linear.create(nO, null, null, null), 0);
    return Chain.create(tok2vec, output);
  }
}
