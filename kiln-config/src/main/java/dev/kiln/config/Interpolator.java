package dev.kiln.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces every {@link Template} of a config by its value: a {@code ${a.b}} standing alone takes
 * the referenced value with its type (a whole section is copied), and a reference inside text is
 * substituted as text.
 *
 * <p>References follow Thinc: {@code ${a.b.c}} is key {@code c} of section {@code a.b} (or the
 * subsection {@code a.b.c}); {@code ${x}} is key {@code x} of the same section, else the top-level
 * section {@code x}. Only sections written in the text can be walked through. References to
 * references are followed; cycles are errors.
 */
final class Interpolator {
  private final Section written;
  private final Section out;
  private final Map<List<String>, String> rawTexts;
  private final String source;
  private final Set<List<String>> done = new HashSet<>();
  /** The values being resolved, in order, with the line of each reference (0 for a section). */
  private final LinkedHashMap<List<String>, Integer> active = new LinkedHashMap<>();

  private record Context(List<String> section, String where) {}

  private Interpolator(ParsedConfig parsed, String source) {
    this.written = parsed.root();
    this.out = parsed.root().copy();
    this.rawTexts = parsed.rawTexts();
    this.source = source;
  }

  /**
   * A copy of the tree with only sections and plain JSON values left.
   *
   * @throws KilnException E020–E023 naming the file and line of the value that refers
   */
  static Section interpolate(ParsedConfig parsed, String source) {
    Interpolator interpolator = new Interpolator(parsed, source);
    for (String key : List.copyOf(interpolator.out.keys())) {
      interpolator.resolve(List.of(key), interpolator.out, key);
    }
    return interpolator.out;
  }

  private void resolve(List<String> path, Section parent, String key) {
    if (done.contains(path)) {
      return;
    }
    if (active.containsKey(path)) {
      throw cycle(path);
    }
    Object value = parent.get(key);
    active.put(path, value instanceof Template ? parent.lineOf(key) : 0);
    if (value instanceof Template template) {
      List<String> section = path.subList(0, path.size() - 1);
      String where = source + ": line " + parent.lineOf(key) + " (" + String.join(".", path) + ")";
      Object result = evaluate(template.part(), new Context(section, where), true);
      // A section copied under a key such as "a.b" could not be written back as [x.a.b].
      parent.put(key, SectionNames.isValidPart(key) ? result : PlainJson.of(result));
    } else if (value instanceof Section section) {
      for (String child : List.copyOf(section.keys())) {
        resolve(append(path, child), section, child);
      }
    }
    active.remove(path);
    done.add(path);
  }

  /** A cycle error at the line of the first reference in the cycle. */
  private KilnException cycle(List<String> path) {
    List<String> chain = new ArrayList<>();
    int line = 0;
    boolean inCycle = false;
    for (Map.Entry<List<String>, Integer> e : active.entrySet()) {
      inCycle |= e.getKey().equals(path);
      if (inCycle) {
        chain.add(String.join(".", e.getKey()));
        line = line == 0 ? e.getValue() : line;
      }
    }
    chain.add(String.join(".", path));
    return new KilnException(
        ErrorCode.E022, source + ": line " + line, String.join(" -> ", chain));
  }

  private Object evaluate(TemplatePart part, Context context, boolean whole) {
    // Java 17 has no pattern switch; TemplatePart is sealed, so this chain is complete.
    if (part instanceof TemplatePart.Literal literal) {
      return Section.copyValue(literal.value());
    }
    if (part instanceof TemplatePart.Ref ref) {
      Object value = Section.copyValue(lookup(ref.reference(), context).value());
      return whole ? value : PlainJson.of(value);
    }
    if (part instanceof TemplatePart.ListOf list) {
      List<Object> items = new ArrayList<>();
      for (TemplatePart item : list.items()) {
        items.add(evaluate(item, context, false));
      }
      return items;
    }
    if (part instanceof TemplatePart.MapOf map) {
      Map<String, Object> entries = new LinkedHashMap<>();
      for (Map.Entry<String, TemplatePart> e : map.entries().entrySet()) {
        entries.put(e.getKey(), evaluate(e.getValue(), context, false));
      }
      return entries;
    }
    TemplatePart.Text text = (TemplatePart.Text) part;
    StringBuilder result = new StringBuilder();
    for (Object piece : text.pieces()) {
      result.append(piece instanceof Reference r ? textOf(r, context) : (String) piece);
    }
    // Unquoted text is read as JSON once substituted, as Thinc does: ${a.n}.5 is 10.5.
    return text.quoted() ? result.toString() : ValueParser.parsePlain(result.toString());
  }

  private record Target(List<String> path, Object value) {}

  private Target lookup(Reference reference, Context context) {
    List<String> parts = reference.parts();
    List<String> sectionPath;
    String key = parts.get(parts.size() - 1);
    if (parts.size() == 1) {
      Section own = written.section(context.section()).orElse(null);
      sectionPath = own != null && own.has(key) ? context.section() : List.of();
    } else {
      sectionPath = parts.subList(0, parts.size() - 1);
    }
    Section section = written.section(sectionPath).orElse(null);
    if (section == null) {
      throw missingSection(reference, context, sectionPath);
    }
    if (!section.has(key)) {
      if (sectionPath.isEmpty()) {
        throw missingSection(reference, context, List.of(key));
      }
      throw new KilnException(
          ErrorCode.E020, context.where(), reference.text(), key, String.join(".", sectionPath),
          listOf(section.keys()) + didYouMean(key, section.keys(), sectionPath));
    }
    Section live = out.section(sectionPath).orElse(null);
    List<String> path = append(sectionPath, key);
    resolve(path, live, key);
    return new Target(path, live.get(key));
  }

  private KilnException missingSection(Reference reference, Context context, List<String> path) {
    Section parent = written;
    for (String part : path) {
      if (!(parent.get(part) instanceof Section child)) {
        break;
      }
      parent = child;
    }
    List<String> sections = new ArrayList<>();
    for (String key : parent.keys()) {
      if (parent.get(key) instanceof Section) {
        sections.add(key);
      }
    }
    List<String> walked = path.subList(0, Math.min(path.size(), depthOf(path)));
    String missing = path.get(walked.size());
    return new KilnException(
        ErrorCode.E021, context.where(), reference.text(), String.join(".", path),
        listOf(sections) + didYouMean(missing, sections, walked));
  }

  private int depthOf(List<String> path) {
    Section node = written;
    int depth = 0;
    while (depth < path.size() - 1 && node.get(path.get(depth)) instanceof Section child) {
      node = child;
      depth++;
    }
    return depth;
  }

  private static String didYouMean(String name, java.util.Collection<String> names, List<String> in) {
    return Suggestions.similar(name, names).stream().findFirst()
        .map(n -> ". Did you mean ${" + String.join(".", append(in, n)) + "}?")
        .orElse(".");
  }

  private String textOf(Reference reference, Context context) {
    Target target = lookup(reference, context);
    Object value = target.value();
    if (value instanceof Section) {
      throw new KilnException(ErrorCode.E023, context.where(), reference.text());
    }
    if (value instanceof String s) {
      return s;
    }
    // Thinc substitutes the value as it was written, so 1e-8 stays 1e-8 inside a string.
    String raw = rawTexts.get(target.path());
    return raw != null ? raw : ValueText.of(value);
  }

  private static List<String> append(List<String> path, String key) {
    List<String> longer = new ArrayList<>(path);
    longer.add(key);
    return List.copyOf(longer);
  }

  private static String listOf(Iterable<String> names) {
    String joined = String.join(", ", names);
    return joined.isEmpty() ? "(none)" : joined;
  }
}
