package dev.kiln.text;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.array.Floats;
import dev.kiln.train.Datum;
import dev.kiln.train.JsonRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A text split into tokens, with the annotations components predict or corpora give as gold:
 * part-of-speech tags, named entities, categories and sentence starts.
 *
 * <p>Immutable: the {@code with...} methods return annotated copies that share the tokens. An
 * annotation that is absent is an empty list or map ({@link #hasTags()} and friends tell), so
 * "no entities annotated" and "annotated: no entities" differ. Entities are kept as one BILUO
 * tag per token, as spaCy keeps {@code ent_iob}, so that a token whose gold tag is unknown
 * ({@code -}, e.g. under a span that does not align with the tokens) is not taken for {@code O}.
 */
public final class Doc implements Datum, JsonRecord {
  private final String text;
  private final List<Token> tokens;
  private final List<String> tags;
  private final List<String> entityTags;
  private final Map<String, Double> cats;
  private final List<Boolean> sentStarts;
  private final Vectors tensor;
  private final Map<String, Object> extras;

  private Doc(String text, List<Token> tokens, List<String> tags, List<String> entityTags, Map<String, Double> cats,
      List<Boolean> sentStarts, Vectors tensor, Map<String, Object> extras) {
    this.text = text;
    this.tokens = tokens;
    this.tags = tags;
    this.entityTags = entityTags;
    this.cats = cats;
    this.sentStarts = sentStarts;
    this.tensor = tensor;
    this.extras = extras;
  }

  /**
   * A document of these tokens, without annotations.
   *
   * @throws IllegalArgumentException unless token {@code i} is numbered {@code i} and its text
   *     is the text at its offset
   */
  public static Doc of(String text, List<Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.i() != i || token.text().isEmpty() || token.endChar() > text.length()
          || !text.startsWith(token.text(), token.idx())) {
        throw new IllegalArgumentException("token " + i + " " + token + " is not at its place in \"" + text + "\"");
      }
    }
    return new Doc(text, List.copyOf(tokens), List.of(), List.of(), Map.of(), List.of(), null, Map.of());
  }

  /**
   * A document of given words, each followed by a space when {@code spaces} says so; the text
   * is the words and spaces joined.
   */
  public static Doc ofWords(List<String> words, List<Boolean> spaces) {
    if (words.size() != spaces.size()) {
      throw new IllegalArgumentException(words.size() + " words but " + spaces.size() + " spaces");
    }
    StringBuilder text = new StringBuilder();
    List<Token> tokens = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      tokens.add(new Token(i, words.get(i), text.length(), spaces.get(i)));
      text.append(words.get(i));
      if (spaces.get(i)) {
        text.append(' ');
      }
    }
    return of(text.toString(), tokens);
  }

  /** A document of given words separated by single spaces. */
  public static Doc ofWords(List<String> words) {
    List<Boolean> spaces = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      spaces.add(i < words.size() - 1);
    }
    return ofWords(words, spaces);
  }

  public String text() {
    return text;
  }

  public List<Token> tokens() {
    return tokens;
  }

  public Token token(int i) {
    return tokens.get(i);
  }

  /** The number of tokens, what the training loop counts as words. */
  @Override
  public int length() {
    return tokens.size();
  }

  /** The span of tokens {@code start} (inclusive) to {@code end} (exclusive) with a label. */
  public Span span(int start, int end, String label) {
    int startChar = tokens.get(start).idx();
    int endChar = tokens.get(end - 1).endChar();
    return new Span(start, end, label, text.substring(startChar, endChar), startChar, endChar);
  }

  /** One tag per token, or an empty list when the document has no tags. */
  public List<String> tags() {
    return tags;
  }

  public boolean hasTags() {
    return !tags.isEmpty();
  }

  /** One BILUO tag per token ({@code -} where unknown), or an empty list when not annotated. */
  public List<String> entityTags() {
    return entityTags;
  }

  public boolean hasEntities() {
    return !entityTags.isEmpty();
  }

  /** The named entities, in order; tokens tagged {@code -} belong to none. */
  public List<Span> entities() {
    return entityTags.isEmpty() ? List.of() : Biluo.toSpans(this, entityTags);
  }

  /** Category scores (1.0 true, 0.0 false for gold), or an empty map when not annotated. */
  public Map<String, Double> cats() {
    return cats;
  }

  /** Whether each token starts a sentence, or an empty list when sentences are not annotated. */
  public List<Boolean> sentStarts() {
    return sentStarts;
  }

  /** Whether sentence starts are annotated (token 0 then starts the first sentence). */
  public boolean hasSentStarts() {
    return !sentStarts.isEmpty();
  }

  /**
   * The sentences, in order, as spans labelled {@code ""}: each runs from a token that starts a
   * sentence to the token before the next one. Empty when sentence starts are not annotated; the
   * first token always opens a sentence, whatever its flag says.
   */
  public List<Span> sentences() {
    if (sentStarts.isEmpty() || tokens.isEmpty()) {
      return List.of();
    }
    List<Span> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < tokens.size(); i++) {
      if (sentStarts.get(i)) {
        sentences.add(span(start, i, ""));
        start = i;
      }
    }
    sentences.add(span(start, tokens.size(), ""));
    return sentences;
  }

  /** A copy with one tag per token. */
  public Doc withTags(List<String> newTags) {
    return new Doc(text, tokens, perToken(newTags, "tags"), entityTags, cats, sentStarts, tensor, extras);
  }

  /** A copy whose entities are these spans (non-overlapping) and all other tokens {@code O}. */
  public Doc withEntities(List<Span> spans) {
    return withEntityTags(Biluo.fromTokenSpans(length(), spans));
  }

  /** A copy with one BILUO entity tag per token, {@code -} for unknown; the sequence must be valid. */
  public Doc withEntityTags(List<String> newTags) {
    List<String> checked = perToken(newTags, "entity tags");
    Biluo.requireValid(checked);
    return new Doc(text, tokens, tags, checked, cats, sentStarts, tensor, extras);
  }

  /**
   * The record's other keys ({@code "id"}, {@code "meta"}...), which kiln does not read but
   * {@code kiln predict} writes back, so that each prediction can be matched to its input.
   */
  public Map<String, Object> extras() {
    return extras;
  }

  /** This document with the record's other keys. */
  public Doc withExtras(Map<String, Object> newExtras) {
    return new Doc(text, tokens, tags, entityTags, cats, sentStarts, tensor,
        Collections.unmodifiableMap(new LinkedHashMap<>(newExtras)));
  }

  /**
   * A copy with these category scores, in their given order (a prediction's: the labels' order),
   * so that output written from them is the same from run to run.
   */
  public Doc withCats(Map<String, Double> newCats) {
    return new Doc(text, tokens, tags, entityTags, Collections.unmodifiableMap(new LinkedHashMap<>(newCats)),
        sentStarts, tensor, extras);
  }

  /** A copy with one sentence-start flag per token. */
  public Doc withSentStarts(List<Boolean> newStarts) {
    return new Doc(text, tokens, tags, entityTags, cats, perToken(newStarts, "sentence starts"), tensor, extras);
  }

  /** Token vectors (tokens × width) and the {@code tok2vec} component that set them. */
  public record Vectors(String tok2vec, Floats values) {}

  /**
   * The token vectors the last {@code tok2vec} component set (tokens × width), spaCy's
   * {@code doc.tensor}; empty until one has annotated the document. Not part of the JSON output.
   */
  public Optional<Floats> tensor() {
    return Optional.ofNullable(tensor).map(Vectors::values);
  }

  /**
   * The token vectors if the {@code tok2vec} component of that name set them last: with two
   * tok2vec components, a listener of the first must not read the second's.
   */
  public Optional<Floats> tensorOf(String tok2vec) {
    return Optional.ofNullable(tensor).filter(vectors -> vectors.tok2vec().equals(tok2vec)).map(Vectors::values);
  }

  /** A copy whose token vectors are {@code newTensor}, one row per token, set by {@code tok2vec}. */
  public Doc withTensor(String tok2vec, Floats newTensor) {
    if (newTensor.rows() != tokens.size()) {
      throw new KilnException(ErrorCode.E308, newTensor.rows(), "tensor rows", tokens.size(), text);
    }
    return new Doc(text, tokens, tags, entityTags, cats, sentStarts, new Vectors(tok2vec, newTensor), extras);
  }

  private <T> List<T> perToken(List<T> values, String what) {
    if (values.size() != tokens.size()) {
      throw new KilnException(ErrorCode.E308, values.size(), what, tokens.size(), text);
    }
    return List.copyOf(values);
  }

  /**
   * The record's other keys, the text and whatever annotations the document has: cats, tags,
   * entities as character spans (offsets in code points, as Python counts them), sentence starts.
   * With per-token annotations come the tokens they belong to, as {@code words} and
   * {@code spaces}, which the JSONL reader reads back as the same tokens.
   */
  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>(extras);
    json.put("text", text());
    if (hasTags() || hasSentStarts()) {
      json.put("words", tokens.stream().map(Token::text).toList());
      json.put("spaces", tokens.stream().map(Token::whitespace).toList());
    }
    if (!cats().isEmpty()) {
      json.put("cats", cats());
    }
    if (hasTags()) {
      json.put("tags", tags());
    }
    if (hasEntities()) {
      List<List<Object>> spans = new ArrayList<>();
      for (Span span : entities()) {
        spans.add(List.of(CodePoints.toOffset(text, span.startChar()), CodePoints.toOffset(text, span.endChar()), span.label()));
      }
      json.put("entities", spans);
    }
    if (hasSentStarts()) {
      json.put("sent_starts", sentStarts());
    }
    return json;
  }

  @Override
  public String toString() {
    return "Doc" + tokens.stream().map(Token::text).toList();
  }
}
