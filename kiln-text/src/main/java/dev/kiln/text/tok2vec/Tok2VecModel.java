package dev.kiln.text.tok2vec;

import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.text.Doc;
import java.util.List;

/**
 * spaCy's {@code Tok2Vec.v2}: an embedding step then a context encoder, giving one vector per
 * token: a {@code Model<List<Doc>, List<Floats>>} with one (tokens × width) array per document.
 */
public final class Tok2VecModel {
  private Tok2VecModel() {}

  /** The embedding followed by the encoder; {@code nO} is the encoder's width. */
  public static Model<List<Doc>, List<Floats>> create(Model<List<Doc>, List<Floats>> embed,
      Model<List<Floats>, List<Floats>> encode) {
    Model<List<Doc>, List<Floats>> model = Chain.create(embed, encode);
    encode.maybeDim("nO").ifPresent(width -> model.setDim("nO", width));
    model.setRef("embed", embed);
    model.setRef("encode", encode);
    return model;
  }

  /**
   * spaCy's {@code HashEmbedCNN.v2}: {@link MultiHashEmbed} of NORM (with PREFIX, SUFFIX and
   * SHAPE at half the rows when {@code subwordFeatures}) and a {@link MaxoutWindowEncoder}.
   */
  public static Model<List<Doc>, List<Floats>> hashEmbedCnn(int width, int depth, int embedSize, int windowSize,
      int maxoutPieces, boolean subwordFeatures) {
    List<String> attrs = subwordFeatures ? List.of("NORM", "PREFIX", "SUFFIX", "SHAPE") : List.of("NORM");
    List<Integer> rows = subwordFeatures
        ? List.of(embedSize, embedSize / 2, embedSize / 2, embedSize / 2) : List.of(embedSize);
    return create(MultiHashEmbed.create(width, attrs, rows, false),
        MaxoutWindowEncoder.create(width, windowSize, maxoutPieces, depth));
  }
}
