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
 * ({@code chain/0-relu:W}), with the tree's dimensions and random-stream states in the
 * metadata, so that {@link #load} can rebuild a model made from the same config exactly — its
 * dropout masks included, which exact resume needs.
 */
public final class ModelWeights {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DIMS = "kiln.dims";
  private static final String RNG = "kiln.rng";

  private ModelWeights() {}

  /** Writes {@code model}'s parameters, dimensions and random states to {@code file}. */
  public static void save(Model<?, ?> model, Path file) {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    model.paramsByKey().forEach((key, value) -> tensors.put(key, Tensor.of(value)));
    Map<String, Map<String, Integer>> dims = new LinkedHashMap<>();
    Map<String, String> rng = new LinkedHashMap<>();
    model.walkWithPaths().forEach((path, node) -> {
      dims.put(path, node.dims());
      rng.put(path, Long.toString(node.rng().state()));
    });
    try {
      new SafeTensors(tensors, Map.of(DIMS, JSON.writeValueAsString(dims), RNG, JSON.writeValueAsString(rng)))
          .write(file);
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
    Map<String, Model<?, ?>> nodes = model.walkWithPaths();
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
    rng.forEach((path, state) -> node(nodes, path, file).rng().setState(Long.parseLong(state)));
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
