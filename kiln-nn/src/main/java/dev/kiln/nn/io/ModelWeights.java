package dev.kiln.nn.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's weights in one safetensors file: every parameter under its optimizer key
 * ({@code chain/0-relu:W}), with the tree's dimensions, scalar attributes (such as a HashEmbed's
 * drawn seed) and random-stream states in the metadata, so that {@link #load} can rebuild a
 * model made from the same config exactly — its dropout masks included, which exact resume
 * needs.
 */
public final class ModelWeights {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DIMS = "kiln.dims";
  private static final String RNG = "kiln.rng";
  private static final String ATTRS = "kiln.attrs";

  private ModelWeights() {}

  /** Writes {@code model}'s parameters, dimensions and random states to {@code file}. */
  public static void save(Model<?, ?> model, Path file) {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    model.paramsByKey().forEach((key, value) -> tensors.put(key, Tensor.of(value)));
    Map<String, Map<String, Integer>> dims = new LinkedHashMap<>();
    Map<String, Map<String, Object>> attrs = new LinkedHashMap<>();
    model.walkWithPaths().forEach((path, node) -> {
      dims.put(path, node.dims());
      attrs.put(path, scalarAttrs(node));
    });
    try {
      // RNG states as strings: JSON readers elsewhere (Python's included) keep 64-bit integers
      // exact only as text.
      Map<String, String> rng = new LinkedHashMap<>();
      model.rngStates().forEach((path, state) -> rng.put(path, Long.toString(state)));
      new SafeTensors(tensors, Map.of(DIMS, JSON.writeValueAsString(dims), RNG, JSON.writeValueAsString(rng),
          ATTRS, JSON.writeValueAsString(attrs))).write(file);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("dims and states are plain JSON", e);
    }
  }

  /**
   * Loads what {@link #save} wrote into {@code model}, which must be built from the same config:
   * sets the saved dimensions, allocates the parameters, then overwrites them and the random
   * states with the saved ones.
   *
   * @throws KilnException E150–E153 for a damaged file, E120 when the model does not match it
   */
  public static void load(Model<?, ?> model, Path file) {
    SafeTensors saved = SafeTensors.read(file);
    Map<String, Map<String, Integer>> dims = read(saved, DIMS, file);
    Map<String, String> rng = read(saved, RNG, file);
    Map<String, Map<String, Object>> attrs = read(saved, ATTRS, file);
    Map<String, Model<?, ?>> nodes = model.walkWithPaths();
    attrs.forEach((path, values) -> {
      Map<String, Object> live = node(nodes, path, file).attrs();
      values.forEach((key, value) -> live.put(key, sameType(live.get(key), value)));
    });
    dims.forEach((path, values) -> {
      Model<?, ?> node = node(nodes, path, file);
      values.forEach((dim, value) -> {
        if (value != null && !node.hasDim(dim)) {
          node.setDim(dim, value);
        }
      });
    });
    model.initialize(null, null, 0);
    Map<String, Floats> params = model.paramsByKey();
    if (!params.keySet().equals(saved.names())) {
      throw new KilnException(ErrorCode.E120, file, params.keySet(), saved.names());
    }
    params.forEach((key, param) -> {
      float[] values = saved.tensor(key).toFloatArray();
      if (values.length != param.size()) {
        throw new KilnException(ErrorCode.E120, file, key + " " + param, values.length + " values");
      }
      System.arraycopy(values, 0, param.data(), 0, values.length);
    });
    Map<String, Long> states = new LinkedHashMap<>();
    rng.forEach((path, state) -> states.put(path, Long.parseLong(state)));
    model.restoreRngStates(states);
  }

  /** {@code value} as the Java type of the attribute it replaces (JSON has one number type). */
  private static Object sameType(Object current, Object value) {
    if (!(value instanceof Number number)) {
      return value;
    }
    if (current instanceof Float) {
      return number.floatValue();
    }
    if (current instanceof Double) {
      return number.doubleValue();
    }
    if (current instanceof Long) {
      return number.longValue();
    }
    if (current instanceof Integer) {
      return number.intValue();
    }
    return value;
  }

  /** The attributes that are plain numbers, strings or booleans: the ones a layer's state can hold. */
  private static Map<String, Object> scalarAttrs(Model<?, ?> node) {
    Map<String, Object> scalars = new LinkedHashMap<>();
    node.attrs().forEach((key, value) -> {
      if (value instanceof Number || value instanceof String || value instanceof Boolean) {
        scalars.put(key, value);
      }
    });
    return scalars;
  }

  private static Model<?, ?> node(Map<String, Model<?, ?>> nodes, String path, Path file) {
    Model<?, ?> node = nodes.get(path);
    if (node == null) {
      throw new KilnException(ErrorCode.E120, file, nodes.keySet(), path);
    }
    return node;
  }

  private static <T> T read(SafeTensors saved, String key, Path file) {
    String text = saved.metadata().get(key);
    if (text == null) {
      throw new KilnException(ErrorCode.E151, file, "no " + key + " in the metadata; was it written by kiln?");
    }
    try {
      return JSON.readValue(text, new TypeReference<T>() {});
    } catch (JsonProcessingException e) {
      throw new KilnException(ErrorCode.E151, file, key + " is not valid JSON");
    }
  }
}
