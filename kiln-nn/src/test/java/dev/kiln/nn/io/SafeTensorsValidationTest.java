package dev.kiln.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files fail with a coded error that names the file (cases of the reference reader's tests). */
class SafeTensorsValidationTest {
  @TempDir Path dir;

  private static byte[] file(String header, int dataBytes) {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(json.length).put(json).array();
  }

  private void assertRejected(byte[] bytes, ErrorCode code, String fragment) throws IOException {
    Path path = dir.resolve("bad.safetensors");
    Files.write(path, bytes);
    assertThatThrownBy(() -> SafeTensors.read(path))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(path.toString())
        .hasMessageContaining(fragment);
  }

  private static final String I32_2X2 =
      "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}";

  @Test
  void acceptsAWellFormedFile() throws IOException {
    Path path = dir.resolve("ok.safetensors");
    Files.write(path, file(I32_2X2, 16));
    assertThat(SafeTensors.read(path).tensor("test").toIntArray()).containsExactly(0, 0, 0, 0);
  }

  @Test
  void fileShorterThanTheLength() throws IOException {
    assertRejected(new byte[3], ErrorCode.E150, "fewer than the 8");
  }

  @Test
  void headerRunsPastTheEnd() throws IOException {
    assertRejected(Arrays.copyOf(file(I32_2X2, 0), 20), ErrorCode.E150, "runs past the end");
  }

  @Test
  void headerTooLarge() throws IOException {
    byte[] bytes = file(I32_2X2, 16);
    bytes[7] = (byte) 0xff;
    assertRejected(bytes, ErrorCode.E150, "over the format's limit");
  }

  @Test
  void truncatedData() throws IOException {
    assertRejected(file(I32_2X2, 14), ErrorCode.E150, "truncated");
  }

  @Test
  void trailingData() throws IOException {
    assertRejected(file(I32_2X2, 20), ErrorCode.E150, "data follows the last tensor");
  }

  @Test
  void headerNotUtf8() throws IOException {
    byte[] bytes = file("{}", 0);
    bytes[9] = (byte) 0xff;
    assertRejected(bytes, ErrorCode.E151, "UTF-8");
  }

  @Test
  void headerNotJson() throws IOException {
    assertRejected(file("{", 0), ErrorCode.E151, "not valid JSON");
  }

  @Test
  void offsetsWithAGap() throws IOException {
    assertRejected(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", 12),
        ErrorCode.E152, "do not start where the previous tensor ends");
  }

  @Test
  void overlappingOffsets() throws IOException {
    assertRejected(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8),
        ErrorCode.E152, "\"b\"");
  }

  @Test
  void sizeDoesNotMatchShape() throws IOException {
    assertRejected(file("{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,4]}}", 4),
        ErrorCode.E152, "needs 16 bytes");
  }

  @Test
  void shapeOverflows() throws IOException {
    assertRejected(file("{\"test\":{\"dtype\":\"I32\",\"shape\":[2,9223372036854775807],"
        + "\"data_offsets\":[0,16]}}", 16), ErrorCode.E152, "too large");
  }

  @Test
  void unknownDtype() throws IOException {
    assertRejected(file("{\"test\":{\"dtype\":\"F128\",\"shape\":[1],\"data_offsets\":[0,16]}}", 16),
        ErrorCode.E152, "unknown dtype");
  }

  @Test
  void metadataValuesMustBeStrings() throws IOException {
    assertRejected(file("{\"__metadata__\":{\"epochs\":3}}", 0), ErrorCode.E151, "not a string");
  }

  @Test
  void missingTensorListsTheOthers() throws IOException {
    Path path = dir.resolve("ok.safetensors");
    Files.write(path, file(I32_2X2, 16));
    SafeTensors read = SafeTensors.read(path);
    assertThatThrownBy(() -> read.tensor("nope"))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.E153))
        .hasMessageContaining("test");
  }
}
