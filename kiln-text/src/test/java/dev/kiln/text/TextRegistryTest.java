package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextRegistryTest {
  @TempDir
  Path dir;

  @Test
  void readersAreFoundThroughTheServiceLoader() {
    assertThat(Registries.load().names("readers")).contains("kiln.TextJsonl.v1", "kiln.ConllU.v1", "kiln.Conll2003.v1");
  }

  @Test
  @SuppressWarnings("unchecked")
  void spacysNlpTokenizerAndVectorsResolve() {
    String text = """
        [nlp]
        lang = "en"
        pipeline = []
        batch_size = 1000
        vectors = {"@vectors":"spacy.Vectors.v1"}

        [nlp.tokenizer]
        @tokenizers = "spacy.Tokenizer.v1"
        """;
    Map<String, Object> nlp = (Map<String, Object>) Resolver.resolve(
        Config.parse(text, "config.cfg").interpolate().root(), Registries.load()).get("nlp");
    assertThat(nlp.get("tokenizer")).isInstanceOf(Tokenizer.class);
    assertThat(nlp.get("vectors")).isInstanceOf(NlpRegistry.EmptyVectors.class);
  }

  @Test
  void aSpacyDocBinPathIsRefusedAtItsLineWithHowToExportIt() {
    String text = "[corpora]\n\n[corpora.train]\n@readers = \"kiln.TextJsonl.v1\"\npath = \"corpus/train.spacy\"\n";

    assertThatThrownBy(() -> Resolver.resolve(Config.parse(text, "config.cfg").interpolate().root(), Registries.load()))
        .isInstanceOf(KilnException.class)
        .hasMessageContaining("line 5: [E415] corpus/train.spacy is a spaCy DocBin (.spacy) file");
  }

  @Test
  @SuppressWarnings("unchecked")
  void configsBuildReadersWithSpacySpellings() throws IOException {
    Path file = dir.resolve("a.conll");
    Files.writeString(file, "Peter B-PER\nMary B-PER\n");
    String text = "[corpora]\n\n[corpora.train]\n@readers = \"kiln.Conll2003.v1\"\npath = \"" + file + "\"\nscheme = \"iob2\"\n";
    Map<String, Object> resolved = Resolver.resolve(Config.parse(text, "config.cfg").interpolate().root(), Registries.load());
    Corpus<Doc> corpus = (Corpus<Doc>) ((Map<String, Object>) resolved.get("corpora")).get("train");
    List<Example<Doc>> examples = new ArrayList<>();
    corpus.read().forEach(examples::add);
    assertThat(examples.get(0).reference().entityTags()).containsExactly("U-PER", "U-PER");
  }
}
