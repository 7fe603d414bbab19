package dev.kiln.text.tagger;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.text.Doc;
import java.util.List;

/** The registered tagger architecture and component. */
public final class TaggerRegistry {
  private TaggerRegistry() {}

  /** spaCy's {@code Tagger.v2}: a tok2vec and a softmax over tags per token. */
  @Registered(category = "architectures", name = "spacy.Tagger.v2")
  public static Model<List<Doc>, List<Floats>> tagger(
      Model<List<Doc>, List<Floats>> tok2vec, @Default("null") Integer nO, @Default("false") boolean normalize) {
    return TaggerModel.create(tok2vec, nO, normalize);
  }

  /**
   * The part-of-speech tagger ({@code factory = "tagger"}).
   *
   * @param overwrite whether predicted tags replace tags a document already has (spaCy's
   *     default keeps them)
   * @param label_smoothing the probability mass taken from the gold tag and spread evenly over
   *     the others in the training target, in [0, (tags − 1) / tags)
   * @param neg_prefix the prefix of a reference tag that says the token is not the tag after it
   *     ({@code "!NN"}), a non-empty string, or null for none (see {@link NegativeTags}); an
   *     {@code Object} so that a wrong value is the tagger's own error (E345), not a type error
   */
  @Registered(category = "factories", name = "tagger.v1")
  public static Tagger taggerComponent(String name, Model<List<Doc>, List<Floats>> model,
      @Default("false") boolean overwrite, @Default("0.0") double label_smoothing,
      @Default("\"" + NegativeTags.DEFAULT_PREFIX + "\"") Object neg_prefix) {
    return new Tagger(name, model, overwrite, label_smoothing, NegativeTags.configured(name, neg_prefix));
  }
}
