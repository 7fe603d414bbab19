package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.Config;
import dev.kiln.config.Filler;
import dev.kiln.config.Registries;
import dev.kiln.config.Resolver;
import dev.kiln.config.Section;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.train.log.ConsoleLogger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {
  private static final Registries REGISTRIES = Registries.load();

  /** spaCy's default [training] section, as `spacy init config` writes it. */
  private static final String SPACY_TRAINING = """
      [system]
      seed = 0
      gpu_allocator = null

      [training]
      seed = ${system.seed}
      gpu_allocator = ${system.gpu_allocator}
      dropout = 0.1
      accumulate_gradient = 1
      patience = 1600
      max_epochs = 0
      max_steps = 20000
      eval_frequency = 200
      frozen_components = []
      annotating_components = []
      dev_corpus = "corpora.dev"
      train_corpus = "corpora.train"
      before_to_disk = null
      before_update = null

      [training.batcher]
      @batchers = "spacy.batch_by_words.v1"
      discard_oversize = false
      tolerance = 0.2
      get_length = null

      [training.batcher.size]
      @schedules = "compounding.v1"
      start = 100
      stop = 1000
      compound = 1.001
      t = 0.0

      [training.logger]
      @loggers = "spacy.ConsoleLogger.v1"
      progress_bar = false

      [training.optimizer]
      @optimizers = "Adam.v1"
      beta1 = 0.9
      beta2 = 0.999
      L2_is_weight_decay = true
      L2 = 0.01
      grad_clip = 1.0
      use_averages = false
      eps = 0.00000001
      learn_rate = 0.001

      [training.score_weights]
      cats_score = 1.0
      cats_f_per_type = null
      """;

  private static Section training(String text) {
    return Config.parse(text, "config.cfg").interpolate().root().section("training").orElseThrow();
  }

  @Test
  void spacysDefaultTrainingSectionResolves() {
    TrainingSettings settings = Resolver.resolveAs(training(SPACY_TRAINING), TrainingSettings.class, REGISTRIES);
    assertThat(settings.patience()).isEqualTo(1600);
    assertThat(settings.dropout().valueAt(5)).isEqualTo(0.1);
    assertThat(settings.optimizer()).isInstanceOf(Adam.class);
    assertThat(settings.logger()).isInstanceOf(ConsoleLogger.class);
    assertThat(settings.scoreWeights()).containsEntry("cats_score", Optional.of(1.0)).containsEntry("cats_f_per_type", Optional.empty());
    assertThat(settings.hooks()).isEmpty();
    assertThat(settings.onEmptyBatch()).isEqualTo(ProblemPolicy.ERROR);
  }

  @Test
  void fillWritesKilnsOwnDefaultsIntoAMinimalSection() {
    Section root = Config.parse("""
        [training]
        [training.batcher]
        @batchers = "kiln.batch_by_sequence.v1"
        size = 32
        [training.optimizer]
        @optimizers = "SGD.v1"
        learn_rate = 0.1
        """, "c.cfg").interpolate().root();
    Section filled = Filler.fillAs(root.section("training").orElseThrow(), TrainingSettings.class, REGISTRIES);
    assertThat(filled.keys()).contains("patience", "max_steps", "eval_frequency", "logger", "hooks", "extra_corpora");
    assertThat(filled.section("logger").orElseThrow().get("@loggers")).isEqualTo("kiln.ConsoleLogger.v1");
    assertThat(filled.section("logger").orElseThrow().get("progress_bar")).isEqualTo(true);
    assertThat(Resolver.resolveAs(filled, TrainingSettings.class, REGISTRIES).maxSteps()).isEqualTo(20000);
  }

  @Test
  void anUnknownTrainingKeyIsAnError() {
    assertThatThrownBy(() -> Resolver.resolveAs(training(SPACY_TRAINING.replace("patience = 1600", "patience = 1600\npatients = 3")),
        TrainingSettings.class, REGISTRIES))
        .hasMessageStartingWith("[E042]").hasMessageContaining("patients");
  }
}
