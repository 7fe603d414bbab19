package dev.kiln.text.textcat;

import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.SequenceLayers;
import dev.kiln.nn.layers.Sigmoid;
import dev.kiln.nn.layers.Softmax;
import dev.kiln.text.Doc;
import java.util.List;

/**
 * spaCy's CNN text classifier ({@code TextCatCNN}): a tok2vec's token vectors, averaged over each
 * document's tokens, then one dense output layer with softmax (exclusive classes) or sigmoid.
 * The softmax takes the gradient with respect to its logits, as the categorizer's loss gives;
 * the sigmoid backpropagates through its derivative, as spaCy's {@code Logistic} does.
 */
final class TextCatCnn {
  private TextCatCnn() {}

  static Model<List<Doc>, Floats> create(Model<List<Doc>, List<Floats>> tok2vec, boolean exclusive, Integer nO) {
    Model<List<Doc>, Floats> pooled = meanOfTokens(tok2vec);
    Integer nI = tok2vec.maybeDim("nO").isPresent() ? tok2vec.getDim("nO") : null;
    Model<Floats, Floats> output = exclusive
        ? Softmax.create(nO, nI, null, null)
        : Sigmoid.create(nO, nI, null, null);
    return Chain.create(pooled, output);
  }

  /** Each document's token vectors averaged into one row (zeros for a document without tokens). */
  static Model<List<Doc>, Floats> meanOfTokens(Model<List<Doc>, List<Floats>> tok2vec) {
    return Chain.create(tok2vec, SequenceLayers.list2ragged(), SequenceLayers.reduceMean());
  }
}
