package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln init config}: the exact text of generated configs (golden files under
 * {@code src/test/resources/init-config}), its errors, and that a generated config trains.
 *
 * <p>The golden {@code textcat-ner-accuracy.cfg} holds the tok2vec, ensemble and ner sections as
 * their templates spell them; once those functions are registered the generator also fills any
 * argument the templates miss, and the file must be regenerated if one appears.
 */
class InitConfigCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static String golden(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/init-config", name), StandardCharsets.UTF_8);
  }

  @Test
  void aTextcatConfigIsTheEfficiencyBagOfWordsWithEverySettingWritten() throws IOException {
    KilnRun run = KilnRun.of("init", "config", "-", "--pipeline", "textcat");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(golden("textcat.cfg"));
  }

  @Test
  void textcatWithNerForAccuracySharesAWideTok2vecAndSplitsTheScoreWeights() throws IOException {
    KilnRun run = KilnRun.of("init", "config", "-", "--pipeline", "textcat,ner", "--optimize", "accuracy");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(golden("textcat-ner-accuracy.cfg"));
  }

  @Test
  void aFileIsWrittenAndTheNextCommandIsShown() throws IOException {
    Path out = dir.resolve("config.cfg");
    KilnRun run = KilnRun.of("init", "config", out.toString(), "--pipeline", "textcat");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readString(out)).isEqualTo(golden("textcat.cfg"));
    assertThat(run.out()).isEqualTo("Saved config to " + out + " (pipeline: textcat).\nTrain it with: kiln train " + out
        + " --output DIR --paths.train TRAIN.jsonl --paths.dev DEV.jsonl\n");
  }

  @Test
  void anUnknownPipeIsAUsageErrorListingTheKnownOnes() {
    KilnRun run = KilnRun.of("init", "config", "-", "--pipeline", "textcat,parser");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("[E339] \"parser\" is not a component kiln init config knows. Known components: textcat,"
        + " textcat_multilabel, tagger, ner, sentencizer. Separate several with commas, e.g. --pipeline textcat,ner.\n");
    KilnRun twice = KilnRun.of("init", "config", "-", "--pipeline", "ner,ner");
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).startsWith("[E340] the pipeline [ner, ner] must name at least one component, each once.");
    KilnRun untrainable = KilnRun.of("init", "config", "-", "--pipeline", "sentencizer");
    assertThat(untrainable.err()).startsWith("[E343] a pipeline of only a sentencizer has nothing to train");
    KilnRun optimize = KilnRun.of("init", "config", "-", "--pipeline", "ner", "--optimize", "speed");
    assertThat(optimize.err()).isEqualTo("[E341] \"speed\" is not a value of --optimize. Choose one of: efficiency, accuracy.\n");
  }

  @Test
  void aGeneratedTextcatAndSentencizerConfigTrainsEndToEnd() throws IOException {
    Path config = dir.resolve("config.cfg");
    assertThat(KilnRun.of("init", "config", config.toString(), "--pipeline", "textcat,sentencizer").exit()).isZero();
    Path train = writeCorpus(dir.resolve("train.jsonl"), 200, 1);
    Path dev = writeCorpus(dir.resolve("dev.jsonl"), 60, 2);
    Path output = dir.resolve("run");
    KilnRun run = KilnRun.of("train", config.toString(), "--output", output.toString(), "--paths.train", train.toString(),
        "--paths.dev", dev.toString(), "--training.max_steps", "60", "--training.eval_frequency", "20");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode meta = JSON.readTree(output.resolve("model-best/meta.json").toFile());
    assertThat(meta.at("/performance/cats_score").asDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(meta.at("/performance/sents_f").asDouble()).isEqualTo(1.0);
    assertThat(Files.readString(output.resolve("model-best/config.cfg"))).contains("[components.sentencizer]");

    KilnRun evaluated = KilnRun.of("evaluate", output.resolve("model-best").toString(), dev.toString());
    assertThat(evaluated.exit()).as(evaluated.err()).isZero();
    assertThat(evaluated.out()).contains("\"sents_f\"");

    Path predictions = dir.resolve("predictions.jsonl");
    KilnRun predicted = KilnRun.of("predict", output.resolve("model-best").toString(), dev.toString(), "--output",
        predictions.toString());
    assertThat(predicted.exit()).as(predicted.err()).isZero();
    JsonNode first = JSON.readTree(Files.readAllLines(predictions).get(0));
    assertThat(first.get("sent_starts").get(0).asBoolean()).isTrue();
    assertThat(first.get("cats").has("POSITIVE")).isTrue();
  }

  @Test
  void withoutPathsTrainingSaysHowToGiveThem() {
    Path config = dir.resolve("config.cfg");
    assertThat(KilnRun.of("init", "config", config.toString(), "--pipeline", "textcat").exit()).isZero();
    KilnRun run = KilnRun.of("train", config.toString(), "--output", dir.resolve("run").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("[E338] the kiln.TextJsonl.v1 corpus has no path (it is null).");
  }

  /**
   * Two-sentence reviews whose class is set by their words, with the reference sentence starts:
   * "good"/"fine" words for POSITIVE, "bad"/"awful" for NEGATIVE.
   */
  static Path writeCorpus(Path file, int count, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    String[] positive = {"good", "fine", "great", "lovely"};
    String[] negative = {"bad", "awful", "poor", "dull"};
    String[] neutral = {"the", "film", "plot", "was", "cast", "very", "and"};
    List<String> lines = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      boolean isPositive = random.nextBoolean();
      List<String> words = new ArrayList<>();
      List<Boolean> starts = new ArrayList<>();
      for (int sentence = 0; sentence < 2; sentence++) {
        int length = 3 + random.nextInt(4);
        for (int w = 0; w < length; w++) {
          String[] pool = random.nextInt(3) == 0 ? (isPositive ? positive : negative) : neutral;
          words.add(pool[random.nextInt(pool.length)]);
          starts.add(w == 0);
        }
        words.add(sentence == 0 ? "." : "!");
        starts.add(false);
      }
      lines.add(JSON.writeValueAsString(java.util.Map.of("words", words, "sent_starts", starts,
          "cats", java.util.Map.of("POSITIVE", isPositive ? 1.0 : 0.0, "NEGATIVE", isPositive ? 0.0 : 1.0))));
    }
    Files.write(file, lines);
    return file;
  }
}
