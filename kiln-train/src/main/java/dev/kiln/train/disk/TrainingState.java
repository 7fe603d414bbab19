package dev.kiln.train.disk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.BatchCursor;
import dev.kiln.train.LoopState;
import dev.kiln.train.ScoreAtStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The loop's side of a resumable checkpoint, saved as {@code training/state.json} in
 * {@code model-last}: the loop state, the data cursor, and every hook's and logger's state.
 * (Weights and optimizer state are saved beside it by their owners.)
 *
 * @param loop the loop's counters, evaluations and losses
 * @param cursor where the training stream is
 * @param hooks each hook's state, in the order of {@code [training.hooks]}
 * @param logger the logger session's state
 */
public record TrainingState(
    LoopState loop, BatchCursor cursor, List<Map<String, Object>> hooks, Map<String, Object> logger) {
  /** The file name inside a checkpoint's {@code training/} folder. */
  public static final String FILE_NAME = "state.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes {@code state.json} into {@code directory}. */
  public void write(Path directory) throws IOException {
    Map<String, Object> tree = new LinkedHashMap<>();
    Map<String, Object> loopTree = new LinkedHashMap<>();
    loopTree.put("next_step", loop.nextStep());
    List<Map<String, Object>> evaluations = new ArrayList<>();
    for (ScoreAtStep checkpoint : loop.checkpoints()) {
      // Scores are written as their exact bits too: a decimal round trip may not be exact.
      Map<String, Object> evaluation = new LinkedHashMap<>();
      evaluation.put("step", checkpoint.step());
      evaluation.put("score", checkpoint.score());
      evaluation.put("score_bits", Double.doubleToRawLongBits(checkpoint.score()));
      evaluations.add(evaluation);
    }
    loopTree.put("evaluations", evaluations);
    Map<String, Object> lossBits = new LinkedHashMap<>();
    loop.losses().forEach((name, value) -> lossBits.put(name, Double.doubleToRawLongBits(value)));
    loopTree.put("loss_bits", lossBits);
    loopTree.put("words", loop.words());
    loopTree.put("seconds", loop.seconds());
    loopTree.put("open_epoch", loop.openEpoch().isPresent() ? loop.openEpoch().getAsInt() : null);
    tree.put("loop", loopTree);
    Map<String, Object> cursorTree = new LinkedHashMap<>();
    cursorTree.put("epoch", cursor.epoch());
    cursorTree.put("pass", cursor.pass());
    cursorTree.put("batch_in_pass", cursor.batchInPass());
    cursorTree.put("batch_in_epoch", cursor.batchInEpoch());
    tree.put("cursor", cursorTree);
    tree.put("hooks", hooks);
    tree.put("logger", logger);
    Files.write(directory.resolve(FILE_NAME), JSON.writeValueAsBytes(tree));
  }

  /** Reads {@code state.json} from {@code directory}. */
  public static TrainingState read(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      Map<String, Object> tree = JSON.readValue(file.toFile(), new TypeReference<>() {});
      Map<String, Object> loopTree = map(tree.get("loop"));
      List<ScoreAtStep> checkpoints = new ArrayList<>();
      for (Object each : (List<?>) loopTree.get("evaluations")) {
        Map<String, Object> evaluation = map(each);
        checkpoints.add(new ScoreAtStep(
            Double.longBitsToDouble(number(evaluation.get("score_bits")).longValue()),
            number(evaluation.get("step")).longValue()));
      }
      Map<String, Double> losses = new LinkedHashMap<>();
      map(loopTree.get("loss_bits")).forEach((name, bits) ->
          losses.put(name, Double.longBitsToDouble(number(bits).longValue())));
      // Saved before kiln kept it: no epoch open, as those runs resumed.
      Object openEpoch = loopTree.get("open_epoch");
      LoopState loop = new LoopState(number(loopTree.get("next_step")).longValue(), checkpoints, losses,
          number(loopTree.get("words")).longValue(), number(loopTree.get("seconds")).doubleValue(),
          openEpoch == null ? OptionalInt.empty() : OptionalInt.of(number(openEpoch).intValue()));
      Map<String, Object> cursorTree = map(tree.get("cursor"));
      BatchCursor cursor = new BatchCursor(number(cursorTree.get("epoch")).intValue(),
          number(cursorTree.get("pass")).intValue(), number(cursorTree.get("batch_in_pass")).longValue(),
          number(cursorTree.get("batch_in_epoch")).longValue());
      List<Map<String, Object>> hooks = new ArrayList<>();
      for (Object each : (List<?>) tree.get("hooks")) {
        hooks.add(map(each));
      }
      return new TrainingState(loop, cursor, hooks, map(tree.get("logger")));
    } catch (IOException | RuntimeException e) {
      throw new KilnException(ErrorCode.E213, file, e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected an object, found " + value);
    }
    return (Map<String, Object>) value;
  }

  private static Number number(Object value) {
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("expected a number, found " + value);
    }
    return n;
  }
}
