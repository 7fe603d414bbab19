package dev.kiln.text;

import java.text.MessageFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * kiln-text's coded warnings: problems in the data that do not stop training but lose
 * annotations, logged with their code so that users can search for it.
 */
public enum TextWarning {
  W300("the entity spans {0} do not align with the tokens of \"{1}\" ({2}); their tokens are tagged \"-\" (unknown) and"
      + " not trained on. Fix the offsets so that each span starts and ends on a token boundary."),
  W305("{0}: line {1}: the word \"{2}\" has no XPOS (\"_\"), so its tag is its UPOS \"{3}\", as spaCy's converter"
      + " tags such words; the file's other words without XPOS are not listed. If the treebank has no XPOS, tag with UPOS"
      + " throughout: kiln convert --tags upos, or tag_field = \"upos\" in kiln.ConllU.v1.");

  private final String template;
  /** Hashes of the messages already given: training reads the same documents every epoch. */
  private final Set<Integer> given = ConcurrentHashMap.newKeySet();

  TextWarning(String template) {
    this.template = template;
  }

  /**
   * Whether the message for these arguments is new in this run (and records it), so that a
   * warning about one document is logged once, not once per epoch.
   */
  public boolean firstTime(Object... args) {
    return given.add(format(args).hashCode());
  }

  /** The message for these arguments, prefixed with the code, e.g. {@code [W300] ...}. */
  public String format(Object... args) {
    Object[] texts = new Object[args.length];
    for (int k = 0; k < args.length; k++) {
      texts[k] = String.valueOf(args[k]);
    }
    return "[" + name() + "] " + new MessageFormat(template.replace("'", "''")).format(texts);
  }
}
