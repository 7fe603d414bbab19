package dev.kiln.text.tok2vec;

import dev.kiln.config.Default;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registered;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.text.Doc;
import java.util.List;

/** The registered token-to-vector architectures, under spaCy's names. */
public final class Tok2VecRegistry {
  private Tok2VecRegistry() {}

  /** spaCy's {@code Tok2Vec.v2}: an embedding step, then a context encoder. */
  @Registered(category = "architectures", name = "spacy.Tok2Vec.v2")
  public static Model<List<Doc>, List<Floats>> tok2vec(
      Model<List<Doc>, List<Floats>> embed, Model<List<Floats>, List<Floats>> encode) {
    return Tok2VecModel.create(embed, encode);
  }

  /** spaCy's {@code MultiHashEmbed.v2}: hash embeddings of token attributes mixed to {@code width}. */
  @Registered(category = "architectures", name = "spacy.MultiHashEmbed.v2")
  public static Model<List<Doc>, List<Floats>> multiHashEmbed(
      int width, List<String> attrs, List<Integer> rows, @Default("false") boolean include_static_vectors) {
    return MultiHashEmbed.create(width, attrs, rows, include_static_vectors);
  }

  /** spaCy's {@code MaxoutWindowEncoder.v2}: residual window convolutions of Maxout units. */
  @Registered(category = "architectures", name = "spacy.MaxoutWindowEncoder.v2")
  public static Model<List<Floats>, List<Floats>> maxoutWindowEncoder(
      int width, int window_size, int maxout_pieces, int depth) {
    return MaxoutWindowEncoder.create(width, window_size, maxout_pieces, depth);
  }

  /** spaCy's {@code HashEmbedCNN.v2}: the standard CNN tok2vec of hash embeddings. */
  @Registered(category = "architectures", name = "spacy.HashEmbedCNN.v2")
  public static Model<List<Doc>, List<Floats>> hashEmbedCnn(
      int width, int depth, int embed_size, int window_size, int maxout_pieces, boolean subword_features,
      @Default("null") Boolean pretrained_vectors) {
    if (Boolean.TRUE.equals(pretrained_vectors)) {
      throw new KilnException(ErrorCode.E311, "spacy.HashEmbedCNN.v2", "pretrained_vectors = true");
    }
    return Tok2VecModel.hashEmbedCnn(width, depth, embed_size, window_size, maxout_pieces, subword_features);
  }

  /**
   * spaCy's {@code Tok2VecListener.v1}: stands for the shared tok2vec component named
   * {@code upstream} ({@code "*"}: the nearest one before the listening component).
   */
  @Registered(category = "architectures", name = "spacy.Tok2VecListener.v1")
  public static Model<List<Doc>, List<Floats>> tok2vecListener(int width, @Default("\"*\"") String upstream) {
    return Tok2VecListener.create(width, upstream);
  }

  /** The shared token-to-vector component ({@code factory = "tok2vec"}). */
  @Registered(category = "factories", name = "tok2vec.v1")
  public static Tok2VecComponent tok2vecComponent(String name, Model<List<Doc>, List<Floats>> model) {
    return new Tok2VecComponent(name, model);
  }
}
