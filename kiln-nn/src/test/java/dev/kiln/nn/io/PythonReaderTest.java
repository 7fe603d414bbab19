package dev.kiln.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file kiln writes is read back correctly by a small independent Python reader. */
class PythonReaderTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path READER = Path.of("src/test/python/read_safetensors.py");

  @TempDir Path dir;

  @Test
  void pythonReadsWhatKilnWrote() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3");
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("layer.0.W", Tensor.ofF32(new float[] {0.5f, -1.25f, 3f, 1e-3f, 0f, 2f}, 2, 3));
    tensors.put("layer.0.b", Tensor.ofF64(new double[] {0.1, -0.2}, 2));
    tensors.put("ids", Tensor.ofI32(new int[] {3, -7, 11}, 3));
    tensors.put("steps", Tensor.ofI64(new long[] {1L << 40}, 1));
    tensors.put("mask", Tensor.ofU8(new byte[] {1, 0, 1, 1}, 2, 2));
    Map<String, String> metadata = Map.of("format", "kiln", "note", "ünïcode \"quoted\"");
    Path file = dir.resolve("model.safetensors");
    new SafeTensors(tensors, metadata).write(file);

    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("metadata", metadata);
    spec.put("tensors", Map.of(
        "layer.0.W", expect("F32", List.of(2, 3), List.of(0.5, -1.25, 3.0, (double) 1e-3f, 0.0, 2.0)),
        "layer.0.b", expect("F64", List.of(2), List.of(0.1, -0.2)),
        "ids", expect("I32", List.of(3), List.of(3, -7, 11)),
        "steps", expect("I64", List.of(1), List.of(1L << 40)),
        "mask", expect("U8", List.of(2, 2), List.of(1, 0, 1, 1))));
    Path specFile = dir.resolve("spec.json");
    new ObjectMapper().writeValue(specFile.toFile(), spec);

    Process process = new ProcessBuilder(PYTHON.toString(), READER.toString(), file.toString(),
        specFile.toString()).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output.strip()).isEqualTo("ok");
    assertThat(process.exitValue()).isZero();
  }

  @Test
  void theReaderNoticesAWrongValue() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3");
    Path file = dir.resolve("one.safetensors");
    new SafeTensors(Map.of("x", Tensor.ofF32(new float[] {1f}, 1)), Map.of()).write(file);
    Path specFile = dir.resolve("spec.json");
    new ObjectMapper().writeValue(specFile.toFile(),
        Map.of("tensors", Map.of("x", expect("F32", List.of(1), List.of(2.0)))));
    Process process = new ProcessBuilder(PYTHON.toString(), READER.toString(), file.toString(),
        specFile.toString()).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
  }

  private static Map<String, Object> expect(String dtype, List<Integer> shape, List<?> values) {
    return Map.of("dtype", dtype, "shape", shape, "values", values);
  }

}
