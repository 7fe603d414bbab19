package dev.kiln.text.textcat;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.text.Doc;
import java.util.List;

/** The registered text classification architecture and components. */
public final class TextcatRegistry {
  private TextcatRegistry() {}

  /** spaCy's TextCatBOW: hashed n-gram counts, a sparse linear layer, softmax or sigmoid. */
  @Registered(category = "architectures", name = "kiln.TextCatBOW.v1")
  public static Model<List<Doc>, Floats> bagOfNgrams(
      boolean exclusive_classes, @Default("1") int ngram_size, @Default("262144") int length,
      @Default("null") Integer nO) {
    return BagOfNgrams.create(exclusive_classes, ngram_size, length, nO);
  }

  /** One class per document ({@code factory = "textcat"}). */
  @Registered(category = "factories", name = "textcat.v1")
  public static TextCategorizer textcat(
      String name, Model<List<Doc>, Floats> model, @Default("null") String positive_label) {
    return new TextCategorizer(name, model, true, 0.0, positive_label);
  }

  /** Any number of classes per document ({@code factory = "textcat_multilabel"}). */
  @Registered(category = "factories", name = "textcat_multilabel.v1")
  public static TextCategorizer textcatMultilabel(
      String name, Model<List<Doc>, Floats> model, @Default("0.5") double threshold) {
    return new TextCategorizer(name, model, false, threshold, null);
  }
}
