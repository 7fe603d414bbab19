package dev.kiln.text;

import java.text.MessageFormat;

/**
 * kiln-text's coded warnings: problems in the data that do not stop training but lose
 * annotations, logged with their code so that users can search for it.
 */
public enum TextWarning {
  W300("the entity spans {0} do not align with the tokens of \"{1}\" ({2}); their tokens are tagged \"-\" (unknown) and"
      + " not trained on. Fix the offsets so that each span starts and ends on a token boundary.");

  private final String template;

  TextWarning(String template) {
    this.template = template;
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
