package dev.kiln.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.Excerpt;
import dev.kiln.train.JsonLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One line of a text JSONL file made into a reference {@link Doc}. The keys, in any combination:
 * {@code text} (tokenized by the tokenizer unless {@code words} is given), {@code words} and
 * {@code spaces} (the tokens and whether a space follows each: booleans, or 1 and 0 as spaCy
 * takes them), {@code cats} (label to a score from 0 to 1, or a boolean), {@code entities}
 * (either {@code [[start, end, label], ...]} by character offsets, counted in code points as
 * Python counts them, or one BILUO tag per token, {@code -}, {@code ""} or null where unknown),
 * {@code tags} and {@code sent_starts} (one per token). A tag of {@code ""} is unknown, as in
 * spaCy (whose tagger turns it into its missing value): no label, not trained on, not scored;
 * kiln reads {@code -} and CoNLL-U's {@code _} so too.
 */
final class JsonlDoc {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path path;
  private final int line;
  /** The keys kiln reads; any other key of a record is kept as the doc's extras. */
  private static final Set<String> KEYS = Set.of("text", "words", "spaces", "tags", "sent_starts", "cats", "entities");
  /** The codes of errors that name the file and line themselves. */
  private static final Set<ErrorCode> NAMES_LINE = EnumSet.of(ErrorCode.E320, ErrorCode.E344);
  private final Tokenizer tokenizer;
  private final boolean keepOverlaps;
  private List<CharSpan> writtenSpans = List.of();

  JsonlDoc(Path path, int line, Tokenizer tokenizer) {
    this(path, line, tokenizer, false);
  }

  private JsonlDoc(Path path, int line, Tokenizer tokenizer, boolean keepOverlaps) {
    this.path = path;
    this.line = line;
    this.tokenizer = tokenizer;
    this.keepOverlaps = keepOverlaps;
  }

  Doc parse(String text) {
    try {
      return annotated(text);
    } catch (KilnException e) {
      // Errors of the tag sequences themselves (E304-E306) gain the file and line here; their own
      // closing full stop gives way to the one E320 puts after the problem.
      String message = e.getMessage();
      throw NAMES_LINE.contains(e.code()) ? e
          : problem(message.endsWith(".") ? message.substring(0, message.length() - 1) : message);
    }
  }

  /**
   * The line as {@code kiln debug data} reads it: entity spans that overlap an earlier one are
   * left out of the document instead of refused, and every span is returned as written.
   */
  static InspectedDoc inspect(Path path, int line, Tokenizer tokenizer, String text) {
    JsonlDoc parser = new JsonlDoc(path, line, tokenizer, true);
    Doc reference = parser.parse(text);
    return new InspectedDoc(TextExample.of(reference, tokenizer), parser.writtenSpans, line);
  }

  private Doc annotated(String text) {
    JsonNode record = JsonLine.parse(text, this::problem);
    if (record == null || !record.isObject()) {
      throw problem("it is not a JSON object");
    }
    Doc doc = tokens(record);
    if (record.has("tags")) {
      doc = doc.withTags(perToken(record.get("tags"), "tags", doc, JsonNode::isTextual, JsonNode::asText));
    }
    if (record.has("sent_starts")) {
      doc = withSentStarts(doc, record.get("sent_starts"));
    }
    if (record.has("cats")) {
      doc = doc.withCats(cats(record.get("cats")));
    }
    if (record.has("entities")) {
      doc = doc.withEntityTags(entityTags(record.get("entities"), doc));
    }
    Map<String, Object> extras = new LinkedHashMap<>();
    record.fields().forEachRemaining(field -> {
      if (!KEYS.contains(field.getKey())) {
        extras.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
      }
    });
    return extras.isEmpty() ? doc : doc.withExtras(extras);
  }

  private Doc tokens(JsonNode record) {
    JsonNode text = record.get("text");
    if (text != null && !text.isTextual()) {
      throw problem("\"text\" must be a string");
    }
    if (!record.has("words")) {
      if (text == null) {
        throw problem("it has neither \"text\" nor \"words\"");
      }
      return tokenizer.tokenize(text.asText());
    }
    List<String> words = strings(record.get("words"), "words");
    List<Boolean> spaces = new ArrayList<>();
    if (record.has("spaces")) {
      JsonNode given = record.get("spaces");
      if (!given.isArray() || given.size() != words.size()) {
        throw problem("\"spaces\" must be a list of " + words.size() + " booleans, one per word");
      }
      for (JsonNode space : given) {
        // spaCy takes 1 and 0 as well (a numpy array of them, say).
        boolean number = space.isNumber() && (space.asDouble() == 0 || space.asDouble() == 1);
        if (!space.isBoolean() && !number) {
          throw problem("\"spaces\" holds " + Excerpt.of(space) + ", which is not true or false (or 1 or 0)");
        }
        spaces.add(number ? space.asDouble() == 1 : space.asBoolean());
      }
    } else if (text != null) {
      spaces.addAll(spacesFromText(words, text.asText()));
    } else {
      words.forEach(w -> spaces.add(spaces.size() < words.size() - 1));
    }
    Doc doc = Doc.ofWords(words, spaces);
    if (text != null && !doc.text().equals(text.asText())) {
      throw problem("\"text\" is not the \"words\" joined by their \"spaces\": \"" + Excerpt.of(doc.text()) + "\"");
    }
    return doc;
  }

  /** Which words a space follows in {@code text}; the gaps between words may hold one space at most. */
  private List<Boolean> spacesFromText(List<String> words, String text) {
    List<Boolean> spaces = new ArrayList<>(words.size());
    int pos = 0;
    for (String word : words) {
      if (!text.startsWith(word, pos)) {
        throw problem("the word \"" + Excerpt.of(word) + "\" is not at character " + CodePoints.toOffset(text, pos)
            + " of \"text\"; words must follow each other in the text with at most one space between them");
      }
      pos += word.length();
      boolean space = pos < text.length() && text.charAt(pos) == ' ';
      spaces.add(space);
      pos += space ? 1 : 0;
    }
    return spaces;
  }

  /**
   * The document with its sentence starts read as spaCy reads them ({@code to_ternary_int}): 1
   * or true starts a sentence, -1 or false does not, 0 or null is unknown. Only those values are
   * taken (spaCy reads any other, 0.9 say, as "not a start"). A document whose values are all
   * unknown has no sentence annotation, as spaCy's {@code has_annotation("SENT_START")} says;
   * otherwise an unknown token does not start a sentence, as in spaCy's {@code Doc.sents}.
   */
  private Doc withSentStarts(Doc doc, JsonNode values) {
    List<JsonNode> given = perToken(values, "sent_starts", doc, node -> true, node -> node);
    List<Boolean> starts = new ArrayList<>(given.size());
    boolean known = false;
    for (int i = 0; i < given.size(); i++) {
      JsonNode value = given.get(i);
      double number = value.isNumber() ? value.asDouble() : Double.NaN;
      if (value.isBoolean() || number == 1 || number == -1) {
        starts.add(value.isBoolean() ? value.asBoolean() : number == 1);
        known = true;
      } else if (value.isNull() || number == 0) {
        starts.add(false);
      } else {
        throw new KilnException(ErrorCode.E344, path, line, Excerpt.of(value), i, Excerpt.of(doc.token(i).text()));
      }
    }
    return known ? doc.withSentStarts(starts) : doc;
  }

  private List<String> entityTags(JsonNode entities, Doc doc) {
    if (!entities.isArray()) {
      throw problem("\"entities\" must be a list of [start, end, label] or of BILUO tags");
    }
    if (!entities.isEmpty() && (entities.get(0).isTextual() || entities.get(0).isNull())) {
      // As in spaCy, null and "" are unknown tags, as "-" is.
      List<String> tags = perToken(entities, "entities", doc, node -> node.isTextual() || node.isNull(),
          node -> node.isNull() || node.asText().isEmpty() ? "-" : node.asText());
      // What kiln debug data counts: tags write no span that could overlap or miss a token boundary.
      writtenSpans = Biluo.toSpans(doc, tags).stream().map(Span::charSpan).toList();
      return tags;
    }
    String text = doc.text();
    int length = CodePoints.length(text);
    List<CharSpan> spans = new ArrayList<>();
    for (JsonNode entity : entities) {
      if (!entity.isArray() || entity.size() != 3 || !isInt(entity.get(0)) || !isInt(entity.get(1)) || !entity.get(2).isTextual()) {
        throw problem("the entity " + Excerpt.of(entity) + " is not [start, end, label]");
      }
      if (entity.get(2).asText().isEmpty()) {
        throw problem("the entity " + Excerpt.of(entity) + " has an empty label: name its label, or leave the span out");
      }
      int start = entity.get(0).asInt();
      int end = entity.get(1).asInt();
      if (start < 0 || end <= start || end > length) {
        throw problem("the entity " + Excerpt.of(entity) + " is not a range of characters of a text of length " + length);
      }
      spans.add(new CharSpan(CodePoints.toIndex(text, start), CodePoints.toIndex(text, end), entity.get(2).asText()));
    }
    writtenSpans = List.copyOf(spans);
    return Biluo.fromSpans(doc, keepOverlaps ? withoutOverlaps(spans) : spans);
  }

  /** A whole number in int's range: canConvertToInt alone takes 0.9 and cuts it to 0. */
  private static boolean isInt(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToInt();
  }

  /** The spans, keeping of each overlapping group the one that starts first (the longest on a tie). */
  private static List<CharSpan> withoutOverlaps(List<CharSpan> spans) {
    List<CharSpan> sorted = new ArrayList<>(spans);
    sorted.sort(java.util.Comparator.comparingInt(CharSpan::start).thenComparing(s -> -s.end()));
    List<CharSpan> kept = new ArrayList<>();
    for (CharSpan span : sorted) {
      if (kept.isEmpty() || !kept.get(kept.size() - 1).overlaps(span)) {
        kept.add(span);
      }
    }
    return kept;
  }

  private Map<String, Double> cats(JsonNode cats) {
    if (!cats.isObject()) {
      throw problem("\"cats\" must be an object of label to score, e.g. {\"POSITIVE\": 1.0}");
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> cat : cats.properties()) {
      if (cat.getKey().isEmpty()) {
        throw problem("\"cats\" has a category with an empty name \"\": name it, or leave it out");
      }
      JsonNode value = cat.getValue();
      if (!value.isNumber() && !value.isBoolean()) {
        throw problem("the score of category \"" + Excerpt.of(cat.getKey()) + "\" is not a number or boolean");
      }
      // spaCy refuses any score but 0 and 1 (E851); an infinite one (1e400) turned every weight NaN.
      if (value.isNumber() && !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
        throw problem("the score of category \"" + Excerpt.of(cat.getKey()) + "\" is " + Excerpt.of(value.asText()) + ", but a score lies between 0 and 1");
      }
      scores.put(cat.getKey(), value.isBoolean() ? (value.asBoolean() ? 1.0 : 0.0) : value.asDouble());
    }
    return scores;
  }

  private <T> List<T> perToken(JsonNode values, String key, Doc doc, Predicate<JsonNode> valid,
      Function<JsonNode, T> value) {
    if (!values.isArray() || values.size() != doc.length()) {
      String tokens = Excerpt.of(doc.tokens().stream().map(Token::text).toList());
      throw problem("\"" + key + "\" must be a list of one value per token, " + doc.length() + " for " + tokens
          + (doc.length() == values.size() ? "" : "; give \"words\" to set the tokens"));
    }
    List<T> out = new ArrayList<>(values.size());
    for (JsonNode node : values) {
      if (!valid.test(node)) {
        throw problem("\"" + key + "\" holds the value " + Excerpt.of(node) + " of the wrong type");
      }
      out.add(value.apply(node));
    }
    return out;
  }

  private List<String> strings(JsonNode node, String key) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw problem("\"" + key + "\" must be a non-empty list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual() || item.asText().isEmpty()) {
        throw problem("\"" + key + "\" holds " + Excerpt.of(item) + ", which is not a non-empty string");
      }
      out.add(item.asText());
    }
    return out;
  }

  private KilnException problem(String what) {
    return new KilnException(ErrorCode.E320, path, line, what);
  }
}
