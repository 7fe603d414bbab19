package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.train.Pipeline;
import dev.kiln.train.disk.Manifest;
import dev.kiln.train.disk.PipelineDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a server that loads a trained text pipeline meets: odd documents, missing ones, the same
 * model loaded twice, two models in one JVM, and a load while request threads annotate.
 */
class ServedPipelineTest {
  private static final Tokenizer TOKENIZER = new Tokenizer();

  @TempDir Path dir;

  @Test
  void emptyAndUnusualDocumentsAreAnnotatedWithoutFailing() {
    Pipeline<Doc> pipeline = ConcurrentTextAnnotationTest.trained(ConcurrentTextAnnotationTest.TAGGER_AND_NER);
    assertThat(pipeline.annotate(List.of())).isEmpty();
    List<Doc> docs = List.of(
        TOKENIZER.tokenize(""),
        Doc.ofWords(List.of()),
        TOKENIZER.tokenize(" \n\t "),
        TOKENIZER.tokenize("the 🐱 runs 👍🏽 in Paris 🇫🇷"),
        TOKENIZER.tokenize("the cafe\u0301 in Zu\u0308rich"),
        TOKENIZER.tokenize("the שלום runs مرحبا in Lima"),
        TOKENIZER.tokenize("the\u0000cat \u0000 runs"),
        TOKENIZER.tokenize("the \uD83D cat \uDC31 runs\uD800"));
    List<Doc> annotated = pipeline.annotate(docs);
    assertThat(annotated).hasSize(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      Doc doc = annotated.get(i);
      assertThat(doc.text()).isEqualTo(docs.get(i).text());
      assertThat(doc.tags()).hasSize(doc.length());
      for (Span entity : doc.entities()) {
        assertThat(entity.endChar()).isLessThanOrEqualTo(doc.text().length());
      }
    }
    assertThat(annotated.get(0).toJson()).isEqualTo(Map.of("text", ""));
  }

  @Test
  void aMissingListOrDocumentIsAnE267NotANullPointerException() {
    Pipeline<Doc> pipeline = ConcurrentTextAnnotationTest.trained(ConcurrentTextAnnotationTest.TEXTCATS);
    assertThatThrownBy(() -> pipeline.annotate(null))
        .isInstanceOf(KilnException.class).hasMessageStartingWith("[E267]").hasMessageContaining("null instead of a list");
    assertThatThrownBy(() -> pipeline.annotate(Arrays.asList(TOKENIZER.tokenize("a cat"), null)))
        .isInstanceOf(KilnException.class).hasMessageStartingWith("[E267]").hasMessageContaining("record 1 (of 2) is null");
  }

  @Test
  void oneModelLoadedTwiceAndAnotherModelBesideItEachPredictAsSaved() throws Exception {
    Pipeline<Doc> tagging = ConcurrentTextAnnotationTest.trained(ConcurrentTextAnnotationTest.TAGGER_AND_NER);
    Pipeline<Doc> textcats = ConcurrentTextAnnotationTest.trained(ConcurrentTextAnnotationTest.TEXTCATS);
    Path taggingDir = save(tagging, ConcurrentTextAnnotationTest.TAGGER_AND_NER, "tagging");
    Path textcatsDir = save(textcats, ConcurrentTextAnnotationTest.TEXTCATS, "textcats");
    List<Doc> docs = docs();
    String taggingExpected = ConcurrentTextAnnotationTest.annotations(tagging.annotate(docs));
    String textcatsExpected = ConcurrentTextAnnotationTest.annotations(textcats.annotate(docs));

    Registries registries = Registries.load();
    Pipeline<Doc> first = PipelineDirectory.load(taggingDir, registries).reading(Doc.class);
    Pipeline<Doc> other = PipelineDirectory.load(textcatsDir, registries).reading(Doc.class);
    Pipeline<Doc> second = PipelineDirectory.load(taggingDir, registries).reading(Doc.class);
    assertThat(ConcurrentTextAnnotationTest.annotations(first.annotate(docs))).isEqualTo(taggingExpected);
    assertThat(ConcurrentTextAnnotationTest.annotations(second.annotate(docs))).isEqualTo(taggingExpected);
    assertThat(ConcurrentTextAnnotationTest.annotations(other.annotate(docs))).isEqualTo(textcatsExpected);
  }

  @Test
  void loadingAPipelineWhileOtherThreadsAnnotateChangesNoneOfTheirResults() throws Exception {
    Pipeline<Doc> tagging = ConcurrentTextAnnotationTest.trained(ConcurrentTextAnnotationTest.TAGGER_AND_NER);
    Path taggingDir = save(tagging, ConcurrentTextAnnotationTest.TAGGER_AND_NER, "tagging");
    List<Doc> docs = docs();
    String expected = ConcurrentTextAnnotationTest.annotations(tagging.annotate(docs));
    Registries registries = Registries.load();
    Pipeline<Doc> serving = PipelineDirectory.load(taggingDir, registries).reading(Doc.class);

    AtomicBoolean loading = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> mismatches = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        mismatches.add(threads.submit(() -> {
          int wrong = 0;
          for (int call = 0; call < 20 || loading.get(); call++) {
            wrong += ConcurrentTextAnnotationTest.annotations(serving.annotate(docs)).equals(expected) ? 0 : 1;
          }
          return wrong;
        }));
      }
      List<Pipeline<Doc>> loaded = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        loaded.add(PipelineDirectory.load(taggingDir, registries).reading(Doc.class));
      }
      loading.set(false);
      for (Future<Integer> result : mismatches) {
        assertThat(result.get()).as("annotations changed while a pipeline loaded").isZero();
      }
      for (Pipeline<Doc> pipeline : loaded) {
        assertThat(ConcurrentTextAnnotationTest.annotations(pipeline.annotate(docs))).isEqualTo(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private Path save(Pipeline<Doc> pipeline, String config, String name) throws Exception {
    Path directory = java.nio.file.Files.createDirectories(dir.resolve(name));
    PipelineDirectory.write(directory, config, Map.of(), pipeline);
    Manifest.of(directory).write(directory);
    return directory;
  }

  private static List<Doc> docs() {
    SplittableRandom random = new SplittableRandom(9);
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      docs.add(TOKENIZER.tokenize(ConcurrentTextAnnotationTest.sentence(random).text()));
    }
    return docs;
  }
}
