package dev.kiln.text.sents;

import dev.kiln.config.Default;
import dev.kiln.config.Registered;
import java.util.List;

/** The registered rule-based sentence splitter. */
public final class SentencizerRegistry {
  private SentencizerRegistry() {}

  /**
   * spaCy's {@code sentencizer} ({@code factory = "sentencizer"}).
   *
   * @param punct_chars the tokens that end a sentence; the default is a subset of spaCy's list:
   *     Latin, Arabic, Devanagari, CJK and full-width full stops, question and exclamation marks
   * @param overwrite whether to replace sentence starts a document already has
   */
  @Registered(category = "factories", name = "sentencizer.v1")
  public static Sentencizer sentencizer(String name,
      @Default("[\"!\", \".\", \"?\", \"\u0589\", \"\u061f\", \"\u06d4\", \"\u0964\", \"\u0965\", \"\u3002\", \"\uff01\", \"\uff0e\", \"\uff1f\", \"\uff61\"]")
      List<String> punct_chars,
      @Default("false") boolean overwrite) {
    return new Sentencizer(name, punct_chars, overwrite);
  }
}
