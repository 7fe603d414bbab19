package dev.kiln.text;

import dev.kiln.train.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Text examples: the reference document beside a fresh, unannotated tokenization of its text,
 * and the reference annotations carried onto the predicted tokens by character offsets.
 */
public final class TextExample {
  private TextExample() {}

  /** An example whose predicted document is {@code reference}'s text as {@code tokenizer} splits it. */
  public static Example<Doc> of(Doc reference, Tokenizer tokenizer) {
    return new Example<>(tokenizer.tokenize(reference.text()), reference);
  }

  /**
   * The gold BILUO entity tags of the predicted tokens, or an empty list when the reference has
   * no entity annotation. Entities whose ends fall inside a predicted token, and tokens under
   * reference tokens of unknown tag, are {@code -} (logged as warning {@code W300}).
   */
  public static List<String> entityTags(Example<Doc> example) {
    Doc reference = example.reference();
    Doc predicted = example.predicted();
    if (!reference.hasEntities()) {
      return List.of();
    }
    List<CharSpan> spans = reference.entities().stream().map(Span::charSpan).toList();
    List<String> tags = new ArrayList<>(Biluo.fromSpans(predicted, spans));
    for (int r = 0; r < reference.length(); r++) {
      if (reference.entityTags().get(r).equals("-")) {
        Token unknown = reference.token(r);
        for (Token token : predicted.tokens()) {
          if (token.idx() < unknown.endChar() && unknown.idx() < token.endChar()) {
            tags.set(token.i(), "-");
          }
        }
      }
    }
    return tags;
  }

  /**
   * The gold tag of each predicted token: the tag of the reference token covering the same
   * characters, empty where the tokenizations disagree or the reference has no tags.
   */
  public static List<Optional<String>> tags(Example<Doc> example) {
    Doc reference = example.reference();
    Alignment alignment = Alignment.of(example.predicted(), reference);
    List<Optional<String>> tags = new ArrayList<>(example.predicted().length());
    for (int i = 0; i < example.predicted().length(); i++) {
      OptionalInt r = alignment.referenceToken(i);
      tags.add(reference.hasTags() && r.isPresent() ? Optional.of(reference.tags().get(r.getAsInt())) : Optional.empty());
    }
    return tags;
  }

  /**
   * Whether each predicted token starts a sentence, by the reference token at the same offset;
   * empty where unknown.
   */
  public static List<Optional<Boolean>> sentStarts(Example<Doc> example) {
    Doc reference = example.reference();
    Alignment alignment = Alignment.of(example.predicted(), reference);
    List<Optional<Boolean>> starts = new ArrayList<>(example.predicted().length());
    for (int i = 0; i < example.predicted().length(); i++) {
      OptionalInt r = alignment.referenceToken(i);
      boolean known = !reference.sentStarts().isEmpty() && r.isPresent();
      starts.add(known ? Optional.of(reference.sentStarts().get(r.getAsInt())) : Optional.empty());
    }
    return starts;
  }
}
