package dev.kiln.train.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.train.BatchCursor;
import dev.kiln.train.LoopState;
import dev.kiln.train.ScoreAtStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingStateTest {
  @TempDir Path directory;

  @Test
  void writesAndReadsEveryFieldBitForBit() throws IOException {
    double awkward = 0.1 + 0.2;
    TrainingState state = new TrainingState(
        new LoopState(42, List.of(new ScoreAtStep(awkward, 0), new ScoreAtStep(1.0 / 3, 40)),
            Map.of("textcat", 1e-310, "tagger", Math.PI), 1234, 12.5, OptionalInt.of(3)),
        new BatchCursor(3, 4, 17, 2),
        List.of(Map.of(), Map.of("rollbacks", 1)),
        Map.of("0", Map.of("bytes", 512)));
    state.write(directory);
    TrainingState read = TrainingState.read(directory);
    assertThat(read.loop().checkpoints()).isEqualTo(state.loop().checkpoints());
    assertThat(read.loop().losses()).isEqualTo(state.loop().losses());
    assertThat(read.loop().nextStep()).isEqualTo(42);
    assertThat(read.loop().openEpoch()).hasValue(3);
    assertThat(read.cursor()).isEqualTo(state.cursor());
    assertThat(read.hooks()).isEqualTo(state.hooks());
    assertThat(read.logger()).isEqualTo(state.logger());
  }

  @Test
  void stateJsonHasTheSameBytesInEveryJvm() throws IOException {
    // Map.of iterates in an order drawn per JVM: two runs to the same state wrote different files.
    new TrainingState(new LoopState(11, List.of(new ScoreAtStep(0.5, 10)), Map.of(), 80, 1.5),
        new BatchCursor(1, 2, 3, 4), List.of(), Map.of()).write(directory);
    JsonNode tree = new ObjectMapper().readTree(directory.resolve(TrainingState.FILE_NAME).toFile());
    assertThat(tree.at("/loop/evaluations/0").fieldNames()).toIterable().containsExactly("step", "score", "score_bits");
    assertThat(tree.get("cursor").fieldNames()).toIterable()
        .containsExactly("epoch", "pass", "batch_in_pass", "batch_in_epoch");
  }

  @Test
  void aDamagedStateFileIsACodedError() throws IOException {
    Files.writeString(directory.resolve(TrainingState.FILE_NAME), "{\"loop\": 3}");
    assertThatThrownBy(() -> TrainingState.read(directory)).hasMessageStartingWith("[E213] cannot resume from");
  }

  @Test
  void aStateSavedBeforeOpenEpochsWereKeptHasNoEpochOpen() throws IOException {
    new TrainingState(new LoopState(11, List.of(), Map.of(), 80, 1.5, OptionalInt.of(1)),
        new BatchCursor(1, 1, 3, 3), List.of(), Map.of()).write(directory);
    Path file = directory.resolve(TrainingState.FILE_NAME);
    Files.writeString(file, Files.readString(file).replaceAll(",\\s*\"open_epoch\" : 1", ""));
    assertThat(Files.readString(file)).doesNotContain("open_epoch");
    assertThat(TrainingState.read(directory).loop().openEpoch()).isEmpty();
  }
}
