package dev.kiln.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A config read from Thinc/spaCy config text: parse, apply overrides, interpolate, write back.
 *
 * <p>The language is Thinc's (confection's): {@code [a.b]} sections nested in any order, JSON
 * values (a value that is not JSON is a string), {@code #} and {@code ;} comment lines, {@code =}
 * or {@code :} after a key, lines indented deeper than their key continuing its value,
 * {@code ${a.b}} references (a value keeps its type, a section is copied, inside text the value
 * is substituted as written), {@code $$} for a literal {@code $}, {@code @registry} promises and
 * {@code [x.*.name]} positional sections. Instances are immutable.
 *
 * <p>Where kiln deliberately differs from Thinc 8.1.7 ({@code Config().from_str(text)}):
 * <ul>
 *   <li>A quoted string stays a string: Thinc reads {@code "10"} as the number 10, {@code "1.5"}
 *       as 1.5, {@code "[1, 2]"} as a list, {@code "\"x\""} as {@code x}, and a string item of a
 *       list that looks like JSON ({@code ["10"]}) as that JSON value. Only a string that is
 *       exactly one reference, {@code "${a.b}"}, takes the referenced value with its type, as
 *       in Thinc.
 *   <li>A reference to a string inside a list or object gives that string ({@code [${a.s}]} is
 *       {@code ["hi"]}); Thinc substitutes the bare text and the whole value becomes the string
 *       {@code "[hi]"}.
 *   <li>Overrides may only name keys that exist; Thinc (and so spaCy) adds an unknown key to an
 *       existing section.
 *   <li>A {@code $} not followed by {@code $} or <code>{</code> is a literal {@code $} (Thinc
 *       refuses it); an escaped <code>"\u0024{a}"</code> in a JSON string is text, not a
 *       reference.
 *   <li>A float set by an override and referenced inside a string is written as Python's
 *       {@code repr} would ({@code 1e-08}); Thinc writes it with ujson ({@code 0.00000001}).
 *       Values written in the config are substituted as written in both.
 *   <li>Chains of references have no depth limit (Thinc stops after 10), cycles are errors.
 *   <li>Stricter syntax: a line starting with {@code [} must be a whole section header with a
 *       name free of spaces ({@code [ a ]} and {@code [a] x} are errors; Thinc reads sections
 *       named {@code " a "} and {@code a}), and {@code [DEFAULT]} is refused.
 *   <li>Numbers: an integer beyond the signed 64-bit range stays a string (Thinc's ujson reads
 *       integers up to 2^64 - 1). A float is the double nearest its text; Thinc's ujson can be
 *       off in the last of 16 or 17 significant digits, and reads {@code 0e400} as NaN (kiln:
 *       0.0). As in Thinc, {@code 1e400} is infinity and {@code NaN}, {@code inf} and
 *       {@code Infinity} are strings; an infinity is written back as {@code 1e999}, which reads
 *       back as one (Thinc cannot write it).
 *   <li>Section order is kept as written (Thinc sorts sections by name); subsections follow
 *       their parent's own keys in both.
 * </ul>
 */
public final class Config {
  private final ParsedConfig parsed;
  private final String sourceName;

  private Config(ParsedConfig parsed, String sourceName) {
    this.parsed = parsed;
    this.sourceName = sourceName;
  }

  /**
   * Parses config text without interpolating it; references stay {@link Template} values.
   *
   * @param sourceName the file name used in error messages
   * @throws KilnException E001–E008 or E027 for a syntax error, naming the file and line
   */
  public static Config parse(String text, String sourceName) {
    return new Config(ConfigParser.parse(text, sourceName), sourceName);
  }

  /**
   * Reads and parses a UTF-8 config file (a leading byte-order mark is ignored).
   *
   * @throws KilnException E080 if it cannot be read, E081 if it is not UTF-8, or a syntax error
   */
  public static Config read(Path file) {
    return parse(ConfigFiles.read(file), file.toString());
  }

  /**
   * The config tree, as a copy: sections and JSON values, plus {@link Template}s for values with
   * references until {@link #interpolate()} is called.
   */
  public Section root() {
    return parsed.root().copy();
  }

  /** The file name (or other label) given when the config was parsed. */
  public String sourceName() {
    return sourceName;
  }

  /**
   * A copy with each dotted key set to its value, to apply before {@link #interpolate()}.
   *
   * @param dottedKeyToValue keys such as {@code training.max_epochs} or {@code model.*.relu.nO},
   *     to JSON values ({@code String}, {@code Long}, {@code Double}, {@code Boolean},
   *     {@code null}, {@code List}, {@code Map}) or {@link Section}s; a string containing
   *     <code>${...}</code> is read as a reference, as in Thinc
   * @throws KilnException E024 if a key does not exist, E025 if it names no section, E026 if it
   *     would replace a section by a value, E028 for a malformed reference
   */
  public Config withOverrides(Map<String, Object> dottedKeyToValue) {
    return new Config(Overrides.apply(parsed, dottedKeyToValue), sourceName);
  }

  /**
   * A copy whose references are replaced by their values: afterwards the tree holds only
   * sections and plain JSON values.
   *
   * @throws KilnException E020/E021 for a reference to nothing, E022 for a cycle, E023 for a
   *     section inside a string, each naming the file, line and path of the referring value
   */
  public Config interpolate() {
    Section root = Interpolator.interpolate(parsed, sourceName);
    return new Config(new ParsedConfig(root, parsed.rawTexts()), sourceName);
  }

  /**
   * This config with every default that {@link Filler} wrote into {@code filledInterpolated}
   * added where it is missing, keeping the config's own values and references as written.
   *
   * @param filledInterpolated {@code Filler.fill(this.interpolate().root(), registries)}
   */
  public Config withDefaultsFrom(Section filledInterpolated) {
    Section merged = DefaultsMerge.merge(parsed.root(), filledInterpolated);
    return new Config(new ParsedConfig(merged, parsed.rawTexts()), sourceName);
  }

  /**
   * A copy in which every value outside section {@code prefix} (such as
   * {@code components.tok2vec}) that refers into it holds the value it refers to, as
   * interpolation gives it: what stays right when that section is then replaced.
   */
  public Config freezingReferencesInto(String prefix) {
    List<List<String>> paths = new ArrayList<>();
    collectReferring(parsed.root(), List.of(), prefix, paths);
    if (paths.isEmpty()) {
      return this;
    }
    Section values = interpolate().parsed.root();
    Section root = parsed.root().copy();
    Map<List<String>, String> rawTexts = new HashMap<>(parsed.rawTexts());
    for (List<String> path : paths) {
      List<String> parent = path.subList(0, path.size() - 1);
      String key = path.get(path.size() - 1);
      Section section = root.section(parent).orElseThrow();
      section.put(key, Section.copyValue(values.section(parent).orElseThrow().get(key)), section.lineOf(key));
      rawTexts.remove(path);
    }
    return new Config(new ParsedConfig(root, rawTexts), sourceName);
  }

  private static void collectReferring(Section section, List<String> path, String prefix, List<List<String>> paths) {
    section.entries().forEach((key, value) -> {
      List<String> keyPath = new ArrayList<>(path);
      keyPath.add(key);
      if (isWithin(String.join(".", keyPath), prefix)) {
        return;
      }
      if (value instanceof Section child) {
        collectReferring(child, keyPath, prefix, paths);
      } else if (value instanceof Template template && refersInto(template.part(), prefix)) {
        paths.add(List.copyOf(keyPath));
      }
    });
  }

  private static boolean refersInto(TemplatePart part, String prefix) {
    if (part instanceof TemplatePart.Ref ref) {
      return isWithin(String.join(".", ref.reference().parts()), prefix);
    }
    if (part instanceof TemplatePart.ListOf list) {
      return list.items().stream().anyMatch(item -> refersInto(item, prefix));
    }
    if (part instanceof TemplatePart.MapOf map) {
      return map.entries().values().stream().anyMatch(item -> refersInto(item, prefix));
    }
    if (part instanceof TemplatePart.Text text) {
      return text.pieces().stream()
          .anyMatch(piece -> piece instanceof Reference ref && isWithin(String.join(".", ref.parts()), prefix));
    }
    return false;
  }

  private static boolean isWithin(String dotted, String prefix) {
    return dotted.equals(prefix) || dotted.startsWith(prefix + ".");
  }

  /**
   * The config as config text: sections in tree order, values as JSON, references as written.
   * Parsing it gives an equal tree.
   */
  @Override
  public String toString() {
    return ConfigWriter.write(parsed.root());
  }

  /**
   * The whole tree as indented JSON: promises are objects such as
   * {@code {"@schedules": "compounding.v1", ...}}, {@code *} sections objects keyed by argument
   * name, and references not yet interpolated their text.
   */
  public String toJson() {
    return JsonView.write(parsed.root());
  }

  /**
   * A command-line value: the JSON value if {@code text} is JSON, else {@code text} itself.
   * {@code 10} is a number, {@code "10"} and {@code ten} are strings. Text holding {@code $} is
   * kept as text, which {@link #withOverrides} reads as config text: references and {@code $$}
   * then work inside lists and objects too ({@code ["${paths.train}"]}), as in a config file.
   */
  public static Object parseValue(String text) {
    return text.contains("$") ? text : ValueParser.parsePlain(text);
  }
}
