package dev.kiln.text.tagger;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.RejectedArgument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * spaCy's tagger setting {@code neg_prefix}: a reference tag made of the prefix and a tag
 * ({@code "!NN"}) says the token is <em>not</em> that tag, a partial annotation. Such a tag is no
 * label; in training it pushes only the named tag's score down (Thinc's negative labels), and in
 * scoring it counts as a reference tag no prediction matches, as spaCy's {@code tag_acc} counts
 * it.
 *
 * @param prefix the prefix, or empty when negative tags are off ({@code neg_prefix = null}, as
 *     in Thinc: then {@code "!NN"} is an ordinary tag)
 */
public record NegativeTags(Optional<String> prefix) {
  /** spaCy's default, {@code "!"}. */
  public static final String DEFAULT_PREFIX = "!";

  /** spaCy's default: tags starting with {@code "!"} are negative. */
  public static NegativeTags byDefault() {
    return new NegativeTags(Optional.of(DEFAULT_PREFIX));
  }

  /**
   * The setting {@code components.COMPONENT.neg_prefix} as configured: a non-empty string, or
   * null for none.
   *
   * @throws RejectedArgument E345 for an empty string or anything but a string. An empty prefix
   *     would make every tag negative, where Thinc silently turns them off; kiln asks for null.
   */
  public static NegativeTags configured(String component, Object negPrefix) {
    if (negPrefix == null) {
      return new NegativeTags(Optional.empty());
    }
    if (negPrefix instanceof String prefix && !prefix.isEmpty()) {
      return new NegativeTags(Optional.of(prefix));
    }
    throw new RejectedArgument("neg_prefix", ErrorCode.E345, component, described(negPrefix));
  }

  /**
   * Whether {@code tag} is a negative tag. A tag that is only the prefix names no tag: it is
   * negative too (Thinc would fail on it), and so left out of training like an unknown one.
   */
  public boolean isNegative(String tag) {
    return tag != null && prefix.isPresent() && tag.startsWith(prefix.get());
  }

  /** The tag a negative tag says the token does not have: {@code "NN"} for {@code "!NN"}. */
  public String negatedTag(String negativeTag) {
    return negativeTag.substring(prefix.orElseThrow().length());
  }

  private static String described(Object value) {
    if (value instanceof String) {
      return "an empty string";
    }
    return value instanceof List<?> ? "a list" : value instanceof Map<?, ?> ? "a section" : value.toString();
  }
}
