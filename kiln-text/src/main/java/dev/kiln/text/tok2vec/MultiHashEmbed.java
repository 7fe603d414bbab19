package dev.kiln.text.tok2vec;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Concatenate;
import dev.kiln.nn.layers.HashEmbed;
import dev.kiln.nn.layers.Maxout;
import dev.kiln.nn.layers.WithArray;
import dev.kiln.text.Doc;
import java.util.ArrayList;
import java.util.List;

/**
 * spaCy's {@code MultiHashEmbed.v2}: one hash embedding table per token attribute, the
 * embeddings concatenated, then mixed down to {@code width} by a Maxout layer (3 pieces) with
 * layer normalisation.
 */
public final class MultiHashEmbed {
  /** spaCy seeds the tables 8, 9, 10, ... so that equal keys of different attributes differ. */
  private static final int FIRST_SEED = 8;
  private static final int MIX_PIECES = 3;

  private MultiHashEmbed() {}

  /**
   * @param width the output width per token (and of each table's vectors)
   * @param attrs attribute names ({@code NORM}, {@code PREFIX}, {@code SUFFIX}, {@code SHAPE},
   *     {@code LOWER}, {@code ORTH})
   * @param rows the number of rows of each attribute's table, one per attribute
   * @param includeStaticVectors must be false: kiln has no static vectors yet
   * @throws KilnException E309 for an unknown attribute, E310 if {@code rows} does not match
   *     {@code attrs}, E311 for static vectors
   */
  public static Model<List<Doc>, List<Floats>> create(int width, List<String> attrs, List<Integer> rows,
      boolean includeStaticVectors) {
    if (includeStaticVectors) {
      throw new KilnException(ErrorCode.E311, "spacy.MultiHashEmbed.v2", "include_static_vectors = true");
    }
    if (attrs.size() != rows.size() || attrs.isEmpty()) {
      throw new KilnException(ErrorCode.E310, attrs, rows);
    }
    List<LexicalAttr> columns = new ArrayList<>();
    List<Model<?, ?>> tables = new ArrayList<>();
    for (int i = 0; i < attrs.size(); i++) {
      columns.add(LexicalAttr.parse(attrs.get(i)));
      // Dropout 0.0, as spaCy builds them: training sets the rate ([training] dropout).
      tables.add(HashEmbed.create(width, rows.get(i), FIRST_SEED + i, i, null, 0.0));
    }
    Model<Floats, Floats> mix = Maxout.normalizedWithDropout(width, width * attrs.size(), MIX_PIECES, 0.0);
    // One with_array around both steps: the tokens of the batch are flattened and split once.
    Model<List<Doc>, List<Floats>> model = Chain.create(
        DocFeatures.create(columns), WithArray.create(Chain.create(Concatenate.create(tables), mix), 0));
    model.setDim("nO", width);
    return model;
  }
}
