package dev.kiln.nn.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.array.Floats;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsRoundTripTest {
  @TempDir Path dir;

  @Test
  void everyWritableTypeComesBackUnchanged() {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("w", Tensor.of(Floats.of(new float[] {1.5f, -2f, Float.MIN_VALUE, 3e38f}, 2, 2)));
    tensors.put("d", Tensor.ofF64(new double[] {Math.PI, -1e300}, 2));
    tensors.put("i", Tensor.ofI32(new int[] {Integer.MIN_VALUE, 7, Integer.MAX_VALUE}, 3));
    tensors.put("l", Tensor.ofI64(new long[] {Long.MAX_VALUE}, 1));
    tensors.put("u", Tensor.ofU8(new byte[] {(byte) 255, 0}, 2));
    tensors.put("scalar", Tensor.ofF32(new float[] {42f}));
    tensors.put("empty", Tensor.ofF32(new float[0], 0, 3));
    Path file = dir.resolve("all.safetensors");
    new SafeTensors(tensors, Map.of("format", "kiln", "line\nbreak", "\"quoted\"")).write(file);

    SafeTensors read = SafeTensors.read(file);
    assertThat(read.names()).containsExactlyInAnyOrderElementsOf(tensors.keySet());
    assertThat(read.metadata()).containsEntry("line\nbreak", "\"quoted\"");
    assertThat(read.tensor("w").toFloats().shape()).containsExactly(2, 2);
    assertThat(read.tensor("w").toFloatArray()).containsExactly(1.5f, -2f, Float.MIN_VALUE, 3e38f);
    assertThat(read.tensor("d").toDoubleArray()).containsExactly(Math.PI, -1e300);
    assertThat(read.tensor("i").toIntArray()).containsExactly(Integer.MIN_VALUE, 7, Integer.MAX_VALUE);
    assertThat(read.tensor("l").toLongArray()).containsExactly(Long.MAX_VALUE);
    assertThat(read.tensor("u").bytes()).containsExactly((byte) 255, 0);
    assertThat(read.tensor("scalar").shape()).isEmpty();
    assertThat(read.tensor("empty").shape()).containsExactly(0, 3);
    assertThat(dir.resolve("all.safetensors.partial")).doesNotExist();
  }

  @Test
  void widensHalfPrecisionTypes() {
    // 1.0, -2.0, 65504 (largest half), 2^-24 (smallest subnormal half)
    byte[] f16 = {0x00, 0x3c, 0x00, (byte) 0xc0, (byte) 0xff, 0x7b, 0x01, 0x00};
    assertThat(new Tensor(DType.F16, new long[] {4}, f16).toFloatArray())
        .containsExactly(1f, -2f, 65504f, 0x1p-24f);
    // bfloat16 is the top half of a float32: 1.0 and -3.0
    byte[] bf16 = {(byte) 0x80, 0x3f, 0x40, (byte) 0xc0};
    assertThat(new Tensor(DType.BF16, new long[] {2}, bf16).toFloatArray())
        .containsExactly(1f, -3f);
  }
}
