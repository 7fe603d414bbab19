package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.Config;
import dev.kiln.config.KilnException;
import dev.kiln.config.Registered;
import dev.kiln.config.Registries;
import dev.kiln.text.Doc;
import dev.kiln.train.Checkpoint;
import dev.kiln.train.Datum;
import dev.kiln.train.EpochProfile;
import dev.kiln.train.Hook;
import dev.kiln.train.StepResult;
import dev.kiln.train.StopDecision;
import dev.kiln.train.StopReason;
import dev.kiln.train.TrainOptions;
import dev.kiln.train.TrainResult;
import dev.kiln.train.Trainer;
import dev.kiln.train.TrainingConfig;
import dev.kiln.train.TrainingSession;
import dev.kiln.train.disk.PipelineDirectory;
import dev.kiln.train.vectors.Labeled;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API drives the same run as {@code kiln train}, step by step (DESIGN.md, "The loop"). */
class TrainingSessionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Registries REGISTRIES = Registries.load();

  @TempDir Path dir;

  private TrainingSession<Datum> session(Path config, Path output) {
    return session(config, quietly(output));
  }

  private static TrainingSession<Datum> session(Path config, TrainOptions options) {
    return Trainer.session(TrainingConfig.fill(Config.read(config), Map.of(), REGISTRIES), REGISTRIES, options);
  }

  private static TrainOptions quietly(Path output) {
    PrintWriter quiet = new PrintWriter(new StringWriter(), true);
    return new TrainOptions(output, false, false, quiet, quiet, false, new AtomicBoolean());
  }

  @Test
  void steppingASessionToItsEndTrainsWhatKilnTrainTrains() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 17);
    KilnRun cli = KilnRun.of("train", config.toString(), "--output", dir.resolve("cli").toString());
    assertThat(cli.exit()).as(cli.err()).isZero();

    TrainResult result;
    int steps = 0;
    try (TrainingSession<Datum> session = session(config, dir.resolve("api"))) {
      assertThat(session.run(3)).map(step -> step.info().step()).contains(2L);
      Optional<StepResult<Datum>> evaluated = session.nextCheckpoint();
      assertThat(evaluated).map(step -> step.info().step()).contains(5L);
      assertThat(evaluated.get().checkpoint()).isNotEqualTo(Checkpoint.NONE);
      steps = 6;
      while (session.hasNext()) {
        session.next();
        steps++;
      }
      result = session.finish();
    }

    assertThat(PipelineDirectory.load(dir.resolve("api/model-best"), REGISTRIES).reading(Labeled.class).names())
        .containsExactly("classifier");
    assertThatThrownBy(() -> PipelineDirectory.load(dir.resolve("api/model-best"), REGISTRIES).reading(Doc.class))
        .isInstanceOf(KilnException.class).hasMessageStartingWith("[E239] component classifier reads Labeled records, not Doc");
    assertThat(steps).isEqualTo(18);
    assertThat(result.stopReason().kind()).isEqualTo(StopReason.Kind.MAX_STEPS);
    for (String file : new String[] {"model-last/classifier/weights.safetensors", "model-best/classifier/weights.safetensors",
        "model-last/training/optimizer/optimizer.safetensors"}) {
      assertThat(Files.readAllBytes(dir.resolve("api").resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("cli").resolve(file)));
    }
  }

  @Test
  void aCallerMayStopTheRunAndFinishSavesItWithTheReason() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 100);
    Path output = dir.resolve("stopped");
    try (TrainingSession<Datum> session = session(config, output)) {
      session.run(8);
      session.requestStop("good enough");
      assertThat(session.hasNext()).isFalse();
      assertThatThrownBy(session::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining("good enough");
      TrainResult result = session.finish();
      assertThat(result.stopReason()).hasToString("requested: good enough");
      assertThatThrownBy(session::finish).isInstanceOf(IllegalStateException.class);
    }
    JsonNode meta = JSON.readTree(output.resolve("model-last/meta.json").toFile());
    assertThat(meta.get("stop_reason").asText()).isEqualTo("requested: good enough");
    assertThat(meta.get("step").asLong()).isEqualTo(7);
  }

  @Test
  void aCtrlCBetweenHasNextAndNextStopsTheRunAfterThatStep() throws IOException {
    // The signal comes on another thread at any instant: kiln train's loop (hasNext, then next)
    // failed with NoSuchElementException and exit 1 when it fell between the two calls.
    Path config = TrainingFixture.write(dir, 5, 100);
    AtomicBoolean interrupt = new AtomicBoolean();
    PrintWriter quiet = new PrintWriter(new StringWriter(), true);
    TrainOptions options = new TrainOptions(dir.resolve("run"), false, false, quiet, quiet, false, interrupt);
    try (TrainingSession<Datum> session = session(config, options)) {
      session.run(3);
      assertThat(session.hasNext()).isTrue();
      interrupt.set(true);
      assertThat(session.next().info().step()).isEqualTo(3);
      assertThat(session.hasNext()).isFalse();
      assertThat(session.finish().stopReason()).hasToString("interrupted: Ctrl-C");
    }
  }

  @Test
  void aSecondRunIntoTheSameOutputIsRefusedWhileTheFirstIsGoing() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 17);
    Path output = dir.resolve("shared");
    try (TrainingSession<Datum> first = session(config, output)) {
      first.run(3);
      assertThatThrownBy(() -> session(config, output)).isInstanceOf(KilnException.class).hasMessageStartingWith("[E249]");
      KilnRun cli = KilnRun.of("train", config.toString(), "--output", output.toString());
      assertThat(cli.exit()).isEqualTo(2);
      assertThat(cli.err()).startsWith("[E249] " + output + " is being written by another kiln run");
      first.run(Long.MAX_VALUE);
      first.finish();
    }
    try (TrainingSession<Datum> again = session(config, output)) {
      again.finish();
    }
  }

  @Test
  void finishingBeforeTheFirstStepSavesTheInitializedPipelineWithoutMadeUpScores() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 100);
    Path output = dir.resolve("unstarted");
    try (TrainingSession<Datum> session = session(config, output)) {
      assertThat(session.finish().stopReason()).hasToString("requested: finished by the caller");
    }
    JsonNode meta = JSON.readTree(output.resolve("model-last/meta.json").toFile());
    assertThat(meta.get("performance").size()).as("nothing was evaluated").isZero();
    assertThat(output.resolve("model-best")).doesNotExist();
    KilnRun resumed = KilnRun.of("train", config.toString(), "--output", output.toString(), "--resume",
        "--training.max_steps", "100");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
  }

  /** A hook whose afterEpoch fails, as a plugin's may. */
  public static final class FailingAtEpochEnd implements Hook {
    @Registered(category = "hooks", name = "test.FailAtEpochEnd.v1")
    public static Hook create() {
      return new FailingAtEpochEnd();
    }

    @Override
    public StopDecision afterEpoch(int epoch, EpochProfile profile) {
      throw new IllegalStateException("the hook failed at the end of epoch " + epoch);
    }
  }

  @Test
  void aHookFailingBetweenStepsEndsTheSessionAsAFailedStepDoes() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 200);
    Files.writeString(config, Files.readString(config)
        + "\n[training.hooks]\n\n[training.hooks.failing]\n@hooks = \"test.FailAtEpochEnd.v1\"\n");
    Registries registries = Registries.load();
    registries.addAll(FailingAtEpochEnd.class);
    StringWriter err = new StringWriter();
    PrintWriter quiet = new PrintWriter(new StringWriter(), true);
    TrainOptions options = new TrainOptions(dir.resolve("failed"), false, false, quiet, new PrintWriter(err, true), false,
        new AtomicBoolean());
    try (TrainingSession<Datum> session = Trainer.session(
        TrainingConfig.fill(Config.read(config), Map.of(), registries), registries, options)) {
      assertThatThrownBy(() -> session.run(Long.MAX_VALUE)).hasMessageContaining("end of epoch 0");
      assertThat(err.toString()).contains("Training failed at step");
      assertThat(session.hasNext()).as("the session has ended").isFalse();
      assertThatThrownBy(session::finish).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void closingWithoutFinishingLeavesModelLastAtItsLastCheckpointAndItResumesExactly() throws IOException {
    Path config = TrainingFixture.write(dir, 5, 17);
    Path output = dir.resolve("abandoned");
    try (TrainingSession<Datum> session = session(config, output)) {
      session.run(8);
    }
    JsonNode meta = JSON.readTree(output.resolve("model-last/meta.json").toFile());
    assertThat(meta.get("step").asLong()).as("the evaluation at step 5").isEqualTo(5);

    try (TrainingSession<Datum> resumed = session(config, quietly(output).resuming(false))) {
      assertThat(resumed.next().info().step()).isEqualTo(6);
      resumed.run(Long.MAX_VALUE);
      resumed.finish();
    }
    KilnRun whole = KilnRun.of("train", config.toString(), "--output", dir.resolve("whole").toString());
    assertThat(whole.exit()).as(whole.err()).isZero();
    assertThat(Files.readAllBytes(output.resolve("model-last/classifier/weights.safetensors")))
        .isEqualTo(Files.readAllBytes(dir.resolve("whole/model-last/classifier/weights.safetensors")));
  }
}
