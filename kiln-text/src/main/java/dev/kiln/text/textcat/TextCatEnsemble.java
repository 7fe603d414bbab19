package dev.kiln.text.textcat;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Concatenate;
import dev.kiln.nn.layers.LayerNorm;
import dev.kiln.nn.layers.Maxout;
import dev.kiln.nn.layers.ParametricAttention;
import dev.kiln.nn.layers.Residual;
import dev.kiln.nn.layers.SequenceLayers;
import dev.kiln.nn.layers.Sigmoid;
import dev.kiln.nn.layers.Softmax;
import dev.kiln.text.Doc;
import java.util.List;

/**
 * spaCy's ensemble text classifier ({@code TextCatEnsemble.v2}): the bag-of-n-grams model's
 * class probabilities beside a CNN branch (token vectors pooled per document by parametric
 * attention and a sum, then a residual maxout layer with layer norm), joined by one output layer
 * with softmax or sigmoid. Whether classes are exclusive comes from the linear model, as in
 * spaCy.
 */
final class TextCatEnsemble {
  private TextCatEnsemble() {}

  static Model<List<Doc>, Floats> create(Model<List<Doc>, List<Floats>> tok2vec,
      Model<List<Doc>, Floats> linearModel, Integer nO) {
    if (!BagOfNgrams.isBagOfNgrams(linearModel)) {
      throw new KilnException(ErrorCode.E333, linearModel.name());
    }
    boolean exclusive = (Boolean) linearModel.attrs().get("exclusive");
    if (tok2vec.maybeDim("nO").isEmpty()) {
      throw new KilnException(ErrorCode.E334, tok2vec.name());
    }
    int width = tok2vec.getDim("nO");
    if (nO != null) {
      linearModel.setDim("nO", nO);
    }
    Model<List<Doc>, Floats> cnn = Chain.create(
        Chain.create(tok2vec, SequenceLayers.list2ragged(), ParametricAttention.create(width),
            SequenceLayers.reduceSum()),
        Residual.create(Chain.<Floats, Floats>create(
            Maxout.create(width, width, 3, null, null, 0.0, true), LayerNorm.create(width))));
    Model<Floats, Floats> output = exclusive
        ? Softmax.create(nO, null, null, null)
        : Sigmoid.create(nO, null, null, null);
    Model<List<Doc>, Floats> inner = Chain.create(
        Concatenate.<List<Doc>>create(ProbabilityGradient.wrap(linearModel, exclusive), cnn), output);
    return Model.<List<Doc>, Floats>builder("textcat_ensemble", (model, docs, isTrain) -> inner.call(docs, isTrain))
        .init((model, x, y) -> {
          if (y != null && linearModel.maybeDim("nO").isEmpty()) {
            linearModel.setDim("nO", y.cols());
          }
          inner.initialize(x, y);
          inner.maybeDim("nO").ifPresent(n -> model.setDim("nO", n));
        })
        .dim("nO", nO)
        .layers(List.of(inner))
        .attr("exclusive", exclusive)
        .build();
  }
}
