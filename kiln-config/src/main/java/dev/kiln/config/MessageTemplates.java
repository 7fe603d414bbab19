package dev.kiln.config;

import java.text.MessageFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts and fills the {@code {n}} placeholders of catalogue templates. */
final class MessageTemplates {
  private static final Pattern PLACEHOLDER = Pattern.compile("(?<!')\\{(\\d+)}");

  private MessageTemplates() {}

  static int arity(String template) {
    int max = -1;
    Matcher m = PLACEHOLDER.matcher(withoutQuotedText(template));
    while (m.find()) {
      max = Math.max(max, Integer.parseInt(m.group(1)));
    }
    return max + 1;
  }

  /** Placeholder indices used by the template, to check they are contiguous from 0. */
  static java.util.BitSet used(String template) {
    java.util.BitSet used = new java.util.BitSet();
    Matcher m = PLACEHOLDER.matcher(withoutQuotedText(template));
    while (m.find()) {
      used.set(Integer.parseInt(m.group(1)));
    }
    return used;
  }

  static String fill(String template, Object[] args) {
    Object[] texts = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      // Strings so that MessageFormat never applies locale number formatting (1,000).
      texts[i] = String.valueOf(args[i]);
    }
    return new MessageFormat(template.replace("\"", "\u0000"), java.util.Locale.ROOT)
        .format(texts)
        .replace("\u0000", "\"");
  }

  /** MessageFormat treats text between single quotes as literal; placeholders there don't count. */
  private static String withoutQuotedText(String template) {
    return template.replaceAll("'[^']*'", "");
  }
}
