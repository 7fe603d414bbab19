package dev.kiln.text.textcat;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.Registered;
import dev.kiln.config.RejectedArgument;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.text.Doc;
import java.util.List;

/** The registered text classification architectures and components. */
public final class TextcatRegistry {
  private TextcatRegistry() {}

  /** spaCy's TextCatBOW: hashed n-gram counts, a sparse linear layer, softmax or sigmoid. */
  @Registered(category = "architectures", name = "kiln.TextCatBOW.v1")
  public static Model<List<Doc>, Floats> bagOfNgrams(
      boolean exclusive_classes, @Default("1") int ngram_size, @Default("262144") int length,
      @Default("null") Integer nO) {
    return BagOfNgrams.create(exclusive_classes, ngram_size, length, nO);
  }

  /**
   * spaCy's name for {@link #bagOfNgrams}, so spaCy configs resolve unchanged.
   *
   * @param no_output_layer spaCy's switch for raw scores without softmax or sigmoid; kiln's
   *     model always has that output layer, so only {@code false} (what spaCy's generated
   *     configs write) is accepted (E085)
   */
  @Registered(category = "architectures", name = "spacy.TextCatBOW.v2")
  public static Model<List<Doc>, Floats> bagOfNgramsV2(
      boolean exclusive_classes, @Default("1") int ngram_size,
      @Default("false") boolean no_output_layer, @Default("262144") int length,
      @Default("null") Integer nO) {
    if (no_output_layer) {
      throw new RejectedArgument("no_output_layer", ErrorCode.E085);
    }
    return bagOfNgrams(exclusive_classes, ngram_size, length, nO);
  }

  /**
   * spaCy 3.7's bag of n-grams (the one its generated configs name since): v2 with the hash
   * table's {@code length} as an argument, which kiln's v2 already takes.
   */
  @Registered(category = "architectures", name = "spacy.TextCatBOW.v3")
  public static Model<List<Doc>, Floats> bagOfNgramsV3(
      boolean exclusive_classes, @Default("1") int ngram_size,
      @Default("false") boolean no_output_layer, @Default("262144") int length,
      @Default("null") Integer nO) {
    return bagOfNgramsV2(exclusive_classes, ngram_size, no_output_layer, length, nO);
  }

  /**
   * spaCy's TextCatCNN: a tok2vec's vectors averaged per document, then softmax (exclusive
   * classes) or a linear layer with sigmoid.
   *
   * @param nO number of classes, inferred from the labels at initialize when null
   */
  @Registered(category = "architectures", name = "spacy.TextCatCNN.v2")
  public static Model<List<Doc>, Floats> cnn(
      Model<List<Doc>, List<Floats>> tok2vec, boolean exclusive_classes, @Default("null") Integer nO) {
    return TextCatCnn.create(tok2vec, exclusive_classes, nO);
  }

  /**
   * spaCy's TextCatEnsemble: the bag-of-n-grams model and a CNN branch over the tok2vec,
   * concatenated, then one output layer; exclusive classes as the linear model says.
   */
  @Registered(category = "architectures", name = "spacy.TextCatEnsemble.v2")
  public static Model<List<Doc>, Floats> ensemble(
      Model<List<Doc>, List<Floats>> tok2vec, Model<List<Doc>, Floats> linear_model,
      @Default("null") Integer nO) {
    return TextCatEnsemble.create(tok2vec, linear_model, nO);
  }

  /**
   * One class per document ({@code factory = "textcat"}).
   *
   * @param threshold the score (0 to 1) the best class needs to count as predicted when scoring
   */
  @Registered(category = "factories", name = "textcat.v1")
  public static TextCategorizer textcat(
      String name, Model<List<Doc>, Floats> model, @Default("null") String positive_label,
      @Default("0.0") double threshold) {
    return new TextCategorizer(name, model, true, threshold, positive_label);
  }

  /** Any number of classes per document ({@code factory = "textcat_multilabel"}). */
  @Registered(category = "factories", name = "textcat_multilabel.v1")
  public static TextCategorizer textcatMultilabel(
      String name, Model<List<Doc>, Floats> model, @Default("0.5") double threshold) {
    return new TextCategorizer(name, model, false, threshold, null);
  }
}
