package dev.kiln.nn.optimizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import dev.kiln.nn.io.SafeTensors;
import dev.kiln.nn.io.Tensor;
import dev.kiln.nn.schedules.ScoreHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes and reads an optimizer's state: the moments and averages of every parameter as
 * {@value #TENSORS} (tensors named {@code mom1/KEY}, {@code mom2/KEY}, {@code averages/KEY}),
 * and the update counts, schedule step and score history as {@value #SCALARS}.
 */
final class OptimizerStateFiles {
  static final String TENSORS = "optimizer.safetensors";
  static final String SCALARS = "optimizer.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * The version of these files: 2 since keys carry the component's name
   * ({@code textcat.bow:W}); version 1 (no {@code format} field) had the bare path.
   */
  private static final int FORMAT = 2;

  private OptimizerStateFiles() {}

  static void write(GradientDescent optimizer, Path dir) {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    Map<String, Object> parameters = new TreeMap<>();
    optimizer.states().forEach((key, state) -> {
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("updates", state.updates);
      counts.put("size", state.size);
      parameters.put(key, counts);
      put(tensors, "mom1/" + key, state.mom1);
      put(tensors, "mom2/" + key, state.mom2);
      put(tensors, "averages/" + key, state.average);
    });
    List<List<Number>> scores = new ArrayList<>();
    for (ScoreHistory.Score score : optimizer.scores().scores()) {
      scores.add(List.of(score.step(), score.score()));
    }
    Map<String, Object> scalars = new LinkedHashMap<>();
    scalars.put("format", FORMAT);
    scalars.put("optimizer", optimizer.getClass().getSimpleName());
    scalars.put("schedule_step", optimizer.scheduleStep());
    scalars.put("scores", scores);
    scalars.put("parameters", parameters);
    try {
      Files.createDirectories(dir);
      new SafeTensors(tensors, Map.of("format", "kiln-optimizer")).write(dir.resolve(TENSORS));
      JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(SCALARS).toFile(), scalars);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E154, dir.resolve(SCALARS).toString(), e.getMessage());
    }
  }

  static void read(GradientDescent optimizer, Path dir) {
    String where = dir.toString();
    JsonNode scalars;
    try {
      scalars = JSON.readTree(dir.resolve(SCALARS).toFile());
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E080, dir.resolve(SCALARS).toString(), IoReason.of(e));
    }
    if (scalars.path("format").asInt(1) != FORMAT) {
      throw new KilnException(ErrorCode.E165, where, "it was written by an earlier kiln, whose"
          + " optimizer keys did not name their component (two components of one architecture"
          + " shared their state), so it cannot be matched to the parameters; start the run again"
          + " without --resume");
    }
    String kind = scalars.path("optimizer").asText();
    if (!kind.equals(optimizer.getClass().getSimpleName())) {
      throw new KilnException(ErrorCode.E165, where, "it was written by " + kind + ", not "
          + optimizer.getClass().getSimpleName());
    }
    SafeTensors tensors = SafeTensors.read(dir.resolve(TENSORS));
    Map<String, ParamState> states = new LinkedHashMap<>();
    scalars.path("parameters").fields().forEachRemaining(field -> {
      String key = field.getKey();
      ParamState state = new ParamState(field.getValue().path("size").asInt());
      state.updates = field.getValue().path("updates").asInt();
      state.mom1 = take(tensors, "mom1/" + key, state.size, where);
      state.mom2 = take(tensors, "mom2/" + key, state.size, where);
      state.average = take(tensors, "averages/" + key, state.size, where);
      states.put(key, state);
    });
    ScoreHistory scores = ScoreHistory.EMPTY;
    for (JsonNode score : scalars.path("scores")) {
      scores = scores.with(score.get(0).asLong(), score.get(1).asDouble());
    }
    optimizer.states().clear();
    optimizer.states().putAll(states);
    optimizer.restoreClock(scalars.path("schedule_step").asLong(), scores);
  }

  private static void put(Map<String, Tensor> tensors, String name, float[] values) {
    if (values != null) {
      tensors.put(name, Tensor.ofF32(values, values.length));
    }
  }

  private static float[] take(SafeTensors tensors, String name, int size, String where) {
    if (!tensors.names().contains(name)) {
      return null;
    }
    float[] values = tensors.tensor(name).toFloatArray();
    if (values.length != size) {
      throw new KilnException(ErrorCode.E165, where,
          name + " has " + values.length + " values but the parameter has " + size);
    }
    return values;
  }
}
