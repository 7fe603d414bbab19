package dev.kiln.text;

import dev.kiln.train.Example;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Text examples: the reference document beside a fresh, unannotated tokenization of its text,
 * and the reference annotations carried onto the predicted tokens through their
 * {@link Alignment}, as spaCy's {@code Example.get_aligned*} carry them.
 */
public final class TextExample {
  private TextExample() {}

  /** An example whose predicted document is {@code reference}'s text as {@code tokenizer} splits it. */
  public static Example<Doc> of(Doc reference, Tokenizer tokenizer) {
    return new Example<>(tokenizer.tokenize(reference.text()), reference);
  }

  /**
   * The gold BILUO entity tags of the predicted tokens, spaCy's {@code get_aligned_ner}, or an
   * empty list when the reference has no entity annotation. Each reference entity is carried to
   * the predicted tokens it shares characters with; one whose ends fall inside a predicted token
   * is dropped (logged as warning {@code W300}) and its tokens are {@code -} (unknown). Other
   * tokens are {@code O} when every reference token they align to is {@code O}, and whitespace
   * tokens are {@code O}; the rest (under an unknown reference tag, or aligned to nothing) are
   * {@code -}.
   */
  public static List<String> entityTags(Example<Doc> example) {
    Doc reference = example.reference();
    Doc predicted = example.predicted();
    if (!reference.hasEntities()) {
      return List.of();
    }
    List<Span> entities = reference.entities();
    Alignment alignment = Alignment.of(predicted, reference);
    List<Optional<Span>> carried = alignment.toPredicted(entities);
    List<String> tags = new ArrayList<>(
        Biluo.fromTokenSpans(predicted.length(), carried.stream().flatMap(Optional::stream).toList()));
    List<Optional<String>> iob = aligned(alignment, predicted, reference.entityTags().stream().map(TextExample::iob).toList());
    for (int i = 0; i < tags.size(); i++) {
      boolean inEntity = !tags.get(i).equals("O");
      boolean outside = iob.get(i).filter("O"::equals).isPresent() || predicted.token(i).isSpace();
      if (!inEntity && !outside) {
        tags.set(i, "-");
      }
    }
    List<CharSpan> dropped = new ArrayList<>();
    for (int e = 0; e < entities.size(); e++) {
      if (carried.get(e).isEmpty()) {
        dropped.add(entities.get(e).charSpan());
      }
    }
    Biluo.warnMisaligned(predicted, dropped);
    return tags;
  }

  /**
   * The gold tag of each predicted token, spaCy's {@code get_aligned("TAG")}: the tag of the
   * reference token it aligns to, or of the several it aligns to if they all have that tag;
   * empty where they differ, where it aligns to none, for whitespace tokens, and when the
   * reference has no tags. A reference token split into several predicted tokens gives each its
   * tag.
   */
  public static List<Optional<String>> tags(Example<Doc> example) {
    Doc reference = example.reference();
    return reference.hasTags() ? aligned(example, reference.tags()) : unknown(example);
  }

  /**
   * Whether each predicted token starts a sentence, spaCy's {@code get_aligned("SENT_START")}
   * (what its {@code senter} learns from), by the same rule as {@link #tags}; empty where
   * unknown and when the reference has no sentence starts. As in spaCy, every piece of a
   * sentence's first token that the predicted tokenization splits reads as a start.
   */
  public static List<Optional<Boolean>> sentStarts(Example<Doc> example) {
    Doc reference = example.reference();
    return reference.hasSentStarts() ? aligned(example, reference.sentStarts()) : unknown(example);
  }

  /** One value per predicted token from one per reference token, by spaCy's {@code get_aligned} rule. */
  private static <T> List<Optional<T>> aligned(Example<Doc> example, List<T> values) {
    return aligned(Alignment.of(example.predicted(), example.reference()), example.predicted(), values);
  }

  private static <T> List<Optional<T>> aligned(Alignment alignment, Doc predicted, List<T> values) {
    List<Optional<T>> result = new ArrayList<>(predicted.length());
    for (Token token : predicted.tokens()) {
      Optional<T> value = Optional.empty();
      int[] tokens = alignment.referenceTokens(token.i());
      if (!token.isSpace() && tokens.length > 0) {
        value = Optional.of(values.get(tokens[0]));
        for (int r : tokens) {
          if (!values.get(r).equals(value.get())) {
            value = Optional.empty();
            break;
          }
        }
      }
      result.add(value);
    }
    return result;
  }

  private static <T> List<Optional<T>> unknown(Example<Doc> example) {
    return new ArrayList<>(Collections.nCopies(example.predicted().length(), Optional.empty()));
  }

  /** A BILUO tag's IOB part as spaCy's {@code ent_iob} keeps it: {@code O}, {@code B}, {@code I}, or {@code -}. */
  private static String iob(String biluo) {
    return switch (biluo.charAt(0)) {
      case 'U', 'B' -> "B";
      case 'L', 'I' -> "I";
      default -> biluo;
    };
  }
}
