package dev.kiln.text.textcat;

import dev.kiln.config.Registered;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.layers.HashEmbed;
import dev.kiln.text.Doc;
import dev.kiln.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal tok2vec for the classifier tests: one hash embedding of each token's lower-cased
 * text, so the tests of the text classifiers do not depend on the full CNN tok2vec.
 */
public final class HashedTokenVectors {
  private HashedTokenVectors() {}

  @Registered(category = "architectures", name = "test.HashedTokenVectors.v1")
  public static Model<List<Doc>, List<Floats>> create(int width, int rows) {
    Model<Ints, Floats> embed = HashEmbed.create(width, rows, 7, null, null, null);
    return Model.<List<Doc>, List<Floats>>builder("hashed_token_vectors", (model, docs, isTrain) -> {
      int total = docs.stream().mapToInt(Doc::length).sum();
      int[] ids = new int[total];
      int k = 0;
      for (Doc doc : docs) {
        for (Token token : doc.tokens()) {
          ids[k++] = token.lower().hashCode();
        }
      }
      ForwardResult<Ints, Floats> embedded = embed.call(Ints.of(ids), isTrain);
      List<Floats> out = new ArrayList<>();
      int start = 0;
      for (Doc doc : docs) {
        float[] rowsOfDoc = new float[doc.length() * width];
        System.arraycopy(embedded.output().data(), start * width, rowsOfDoc, 0, rowsOfDoc.length);
        out.add(Floats.of(rowsOfDoc, doc.length(), width));
        start += doc.length();
      }
      return new ForwardResult<>(out, dY -> {
        Floats joined = Floats.zeros(total, width);
        int offset = 0;
        for (Floats part : dY) {
          System.arraycopy(part.data(), 0, joined.data(), offset, part.size());
          offset += part.size();
        }
        embedded.backprop().apply(joined);
        return null;
      });
    })
        .init((model, x, y) -> embed.initialize(Ints.of(new int[] {0}), null))
        .dim("nO", width)
        .layers(List.of(embed))
        .build();
  }
}
