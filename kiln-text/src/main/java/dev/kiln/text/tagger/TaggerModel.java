package dev.kiln.text.tagger;

import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Softmax;
import dev.kiln.nn.layers.WithArray;
import dev.kiln.text.Doc;
import java.util.List;

/**
 * spaCy's {@code Tagger.v2}: a tok2vec, then a softmax layer over each token's vector, giving
 * one row of tag scores per token (probabilities in training).
 */
public final class TaggerModel {
  private TaggerModel() {}

  /**
   * @param tok2vec the token vectors: its own tok2vec, or a {@code spacy.Tok2VecListener.v1}
   * @param nO the number of tags, inferred from the training data when null
   * @param normalize whether prediction returns probabilities (true) or logits (false, spaCy's
   *     default: the best tag is the same)
   */
  public static Model<List<Doc>, List<Floats>> create(Model<List<Doc>, List<Floats>> tok2vec, Integer nO,
      boolean normalize) {
    Model<Floats, Floats> softmax = Softmax.createV2(nO, null, null, null, normalize, 1.0);
    Model<List<Doc>, List<Floats>> model = Chain.create(tok2vec, WithArray.create(softmax, 0));
    model.setRef("tok2vec", tok2vec);
    model.setRef("output_layer", softmax);
    return model;
  }
}
