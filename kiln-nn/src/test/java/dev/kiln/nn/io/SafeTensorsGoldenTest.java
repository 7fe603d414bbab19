package dev.kiln.nn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kiln writes the same bytes as the reference implementation's own serialization tests (golden
 * files made by src/test/python/make_safetensors_golden.py), and reads them back.
 */
class SafeTensorsGoldenTest {
  private static final float[] ZERO_TO_FIVE = {0, 1, 2, 3, 4, 5};

  static byte[] golden(String name) {
    try (InputStream in = SafeTensorsGoldenTest.class.getResourceAsStream("/safetensors/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void oneTensorWithAHeaderOfExactlyEightByteMultiple() {
    SafeTensors file = new SafeTensors(
        Map.of("attn.0", Tensor.ofF32(ZERO_TO_FIVE, 1, 2, 3)), Map.of());
    assertThat(file.toBytes()).isEqualTo(golden("attn.0.safetensors"));
  }

  @Test
  void headerPaddedWithSpacesToAlignTheData() {
    SafeTensors file = new SafeTensors(
        Map.of("attn0", Tensor.ofF32(ZERO_TO_FIVE, 1, 1, 2, 3)), Map.of());
    assertThat(file.toBytes()).isEqualTo(golden("attn0_aligned.safetensors"));
  }

  @Test
  void noTensors() {
    assertThat(new SafeTensors(Map.of(), Map.of()).toBytes()).isEqualTo(golden("empty.safetensors"));
  }

  @Test
  void metadataOnly() {
    assertThat(new SafeTensors(Map.of(), Map.of("framework", "pt")).toBytes())
        .isEqualTo(golden("empty_metadata.safetensors"));
  }

  @Test
  void readsTheGoldenFiles() throws IOException {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("golden");
    java.nio.file.Path file = dir.resolve("attn.safetensors");
    java.nio.file.Files.write(file, golden("attn0_aligned.safetensors"));
    SafeTensors read = SafeTensors.read(file);
    assertThat(read.names()).containsExactly("attn0");
    assertThat(read.tensor("attn0").shape()).containsExactly(1, 1, 2, 3);
    assertThat(read.tensor("attn0").toFloatArray()).containsExactly(ZERO_TO_FIVE);
    java.nio.file.Files.write(file, golden("empty_metadata.safetensors"));
    assertThat(SafeTensors.read(file).metadata()).containsExactly(Map.entry("framework", "pt"));
  }

  @Test
  void sortsByDecreasingAlignmentThenName() {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("z_bytes", Tensor.ofU8(new byte[] {1, 2, 3}, 3));
    tensors.put("b_f32", Tensor.ofF32(new float[] {1}, 1));
    tensors.put("a_f32", Tensor.ofF32(new float[] {2}, 1));
    tensors.put("c_i64", Tensor.ofI64(new long[] {3}, 1));
    String header = new String(new SafeTensors(tensors, Map.of()).toBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(header.indexOf("c_i64")).isLessThan(header.indexOf("a_f32"));
    assertThat(header.indexOf("a_f32")).isLessThan(header.indexOf("b_f32"));
    assertThat(header.indexOf("b_f32")).isLessThan(header.indexOf("z_bytes"));
    assertThat(header).contains("\"c_i64\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}");
    assertThat(header).contains("\"z_bytes\":{\"dtype\":\"U8\",\"shape\":[3],\"data_offsets\":[16,19]}");
  }
}
