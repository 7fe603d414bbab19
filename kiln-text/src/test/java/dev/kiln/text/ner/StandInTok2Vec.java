package dev.kiln.text.ner;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.HashEmbed;
import dev.kiln.nn.layers.Maxout;
import dev.kiln.nn.layers.SequenceLayers;
import dev.kiln.nn.layers.WithArray;
import dev.kiln.text.Doc;
import dev.kiln.text.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A small tok2vec made of kiln-nn layers, so the entity recogniser can be tested without the
 * real one: hashed token norms embedded, each vector joined with its neighbours', and a maxout.
 */
final class StandInTok2Vec {
  private StandInTok2Vec() {}

  static Model<List<Doc>, List<Floats>> create(int width) {
    Model<List<Doc>, List<Ints>> norms = Model.<List<Doc>, List<Ints>>builder("norms", (model, docs, isTrain) -> {
      List<Ints> ids = new ArrayList<>(docs.size());
      for (Doc doc : docs) {
        ids.add(Ints.of(doc.tokens().stream().map(Token::norm).mapToInt(String::hashCode).toArray()));
      }
      return new ForwardResult<>(ids, dY -> null);
    }).build();
    return Chain.create(norms, WithArray.create(HashEmbed.create(width, 2000, null, null, null, null), 0),
        SequenceLayers.list2ragged(), SequenceLayers.expandWindow(1),
        WithArray.create(Maxout.create(width, null, 2, null, null, null, false), 0), SequenceLayers.ragged2list());
  }
}
