package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.config.Config;
import dev.kiln.config.Registries;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.train.ConcurrentCalls;
import dev.kiln.train.Example;
import dev.kiln.train.LabelSource;
import dev.kiln.train.Labelled;
import dev.kiln.train.LossTotals;
import dev.kiln.train.Pipeline;
import dev.kiln.train.Trainable;
import dev.kiln.train.build.PipelineBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trained text pipeline serves several request threads at once (a Java team's server): each
 * thread gets exactly the annotations, and the tok2vec tensors, that one thread alone gets for
 * the same batch. Covers a shared tok2vec with a tagger and ner listening to it, a textcat with
 * its own CNN tok2vec and a bag-of-n-grams textcat_multilabel.
 */
class ConcurrentTextAnnotationTest {
  private static final int THREADS = 4;
  private static final int CALLS = 60;
  private static final List<String> NOUNS = List.of("cat", "dog", "bird", "fish", "horse");
  private static final List<String> VERBS = List.of("runs", "sleeps", "eats", "sees", "likes");
  private static final List<String> CITIES = List.of("Paris", "Lima", "Oslo", "Nairobi");
  private static final List<String> PEOPLE = List.of("Anna", "Boris", "Mateo", "Dora");

  static final String TOK2VEC = """
      @architectures = "spacy.HashEmbedCNN.v2"
      width = 16
      depth = 2
      embed_size = 500
      window_size = 1
      maxout_pieces = 3
      subword_features = true
      """;

  static final String TAGGER_AND_NER = """
      [nlp]
      pipeline = ["tok2vec", "tagger", "ner"]

      [components]

      [components.tok2vec]
      factory = "tok2vec"

      [components.tok2vec.model]
      %s
      [components.tagger]
      factory = "tagger"

      [components.tagger.model]
      @architectures = "spacy.Tagger.v2"

      [components.tagger.model.tok2vec]
      @architectures = "spacy.Tok2VecListener.v1"
      width = 16
      upstream = "*"

      [components.ner]
      factory = "ner"

      [components.ner.model]
      @architectures = "kiln.BiluoTagger.v1"

      [components.ner.model.tok2vec]
      @architectures = "spacy.Tok2VecListener.v1"
      width = 16
      upstream = "*"
      """.formatted(TOK2VEC);

  static final String TEXTCATS = """
      [nlp]
      pipeline = ["textcat", "animals"]

      [components]

      [components.textcat]
      factory = "textcat"

      [components.textcat.model]
      @architectures = "spacy.TextCatCNN.v2"
      exclusive_classes = true

      [components.textcat.model.tok2vec]
      %s
      [components.animals]
      factory = "textcat_multilabel"

      [components.animals.model]
      @architectures = "spacy.TextCatBOW.v2"
      exclusive_classes = false
      ngram_size = 2
      length = 4096
      """.formatted(TOK2VEC);

  @ParameterizedTest
  @ValueSource(strings = {"tagger and ner", "textcats"})
  void fourThreadsAnnotatingAtOnceGetWhatOneThreadGets(String which) throws Exception {
    Pipeline<Doc> pipeline = trained(which.equals("textcats") ? TEXTCATS : TAGGER_AND_NER);
    List<Doc> docs = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 64; i++) {
      docs.add(new Tokenizer().tokenize(sentence(random).text()));
    }
    // Batches of varied sizes and lengths, each annotated alone on this thread first.
    List<List<Doc>> batches = new ArrayList<>();
    for (int b = 0; b < 24; b++) {
      int size = 1 + random.nextInt(12);
      int start = random.nextInt(docs.size() - size);
      batches.add(docs.subList(start, start + size));
    }
    List<String> expected = new ArrayList<>();
    for (List<Doc> batch : batches) {
      expected.add(annotations(pipeline.annotate(batch)));
    }
    assertThat(expected.get(0)).contains(which.equals("textcats") ? "cats=" : "tags=");

    int wrong = ConcurrentCalls.mismatches(THREADS, CALLS, 100, order -> {
      int b = order.nextInt(batches.size());
      return annotations(pipeline.annotate(batches.get(b))).equals(expected.get(b)) ? 0 : 1;
    });
    assertThat(wrong).as("batches annotated otherwise than by one thread alone").isZero();
  }

  /** Every document's JSON (tags, entities, cats) and its tok2vec tensor, if any, as text. */
  static String annotations(List<Doc> docs) {
    StringBuilder text = new StringBuilder();
    for (Doc doc : docs) {
      text.append(doc.toJson()).append('\n');
      doc.tensor().ifPresent(tensor -> text.append(Arrays.toString(tensor.data())).append('\n'));
    }
    return text.toString();
  }

  static Pipeline<Doc> trained(String config) {
    Pipeline<Doc> pipeline = PipelineBuilder.build(Config.parse(config, "config.cfg").interpolate().root(), Registries.load());
    SplittableRandom random = new SplittableRandom(3);
    List<Example<Doc>> examples = new ArrayList<>();
    for (int i = 0; i < 96; i++) {
      examples.add(TextExample.of(sentence(random), new Tokenizer()));
    }
    for (var component : pipeline.components()) {
      if (component instanceof Labelled<Doc> labelled && component.name().equals("textcat")) {
        labelled.initialize(() -> examples, 7, new LabelSource.Given(List.of("IN_CITY", "NOWHERE"), "test"));
      } else if (component instanceof Labelled<Doc> labelled && component.name().equals("animals")) {
        List<String> animals = NOUNS.stream().map(String::toUpperCase).toList();
        labelled.initialize(() -> examples, 7, new LabelSource.Given(animals, "test"));
      } else if (component instanceof Trainable<Doc> trainable) {
        trainable.initialize(() -> examples, 7);
      }
    }
    Adam adam = new Adam(0.01);
    for (int step = 0; step < 12; step++) {
      List<Example<Doc>> batch = examples.subList((step % 6) * 16, (step % 6 + 1) * 16);
      pipeline.update(batch, 0.0, new LossTotals(), Set.of(), Set.of());
      pipeline.finishUpdate(adam, Set.of());
    }
    return pipeline;
  }

  /**
   * A reference document such as "the dog sees a fish in Lima with Dora": tags, GPE and PERSON
   * entities, an exclusive category (IN_CITY or NOWHERE) and multilabel animal categories.
   */
  static Doc sentence(SplittableRandom random) {
    List<String> words = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<int[]> entities = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    add(words, tags, random.nextBoolean() ? "the" : "a", "DET");
    String subject = NOUNS.get(random.nextInt(NOUNS.size()));
    add(words, tags, subject, "NOUN");
    add(words, tags, VERBS.get(random.nextInt(VERBS.size())), "VERB");
    String object = NOUNS.get(random.nextInt(NOUNS.size()));
    add(words, tags, "the", "DET");
    add(words, tags, object, "NOUN");
    boolean inCity = random.nextBoolean();
    if (inCity) {
      add(words, tags, "in", "ADP");
      entities.add(new int[] {words.size(), words.size() + 1});
      labels.add("GPE");
      add(words, tags, CITIES.get(random.nextInt(CITIES.size())), "PROPN");
    }
    if (random.nextBoolean()) {
      add(words, tags, "with", "ADP");
      entities.add(new int[] {words.size(), words.size() + 2});
      labels.add("PERSON");
      add(words, tags, PEOPLE.get(random.nextInt(PEOPLE.size())), "PROPN");
      add(words, tags, PEOPLE.get(random.nextInt(PEOPLE.size())) + "son", "PROPN");
    }
    Doc doc = Doc.ofWords(words).withTags(tags);
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < entities.size(); i++) {
      spans.add(doc.span(entities.get(i)[0], entities.get(i)[1], labels.get(i)));
    }
    Map<String, Double> cats = new LinkedHashMap<>();
    cats.put("IN_CITY", inCity ? 1.0 : 0.0);
    cats.put("NOWHERE", inCity ? 0.0 : 1.0);
    for (String noun : NOUNS) {
      cats.put(noun.toUpperCase(), subject.equals(noun) || object.equals(noun) ? 1.0 : 0.0);
    }
    return doc.withEntities(spans).withCats(cats);
  }

  private static void add(List<String> words, List<String> tags, String word, String tag) {
    words.add(word);
    tags.add(tag);
  }
}
