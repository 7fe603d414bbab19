package dev.kiln.nn.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes a safetensors header exactly as the Hugging Face implementation does: compact JSON,
 * {@code __metadata__} first, then the tensors in file order, each as
 * {@code {"dtype":..,"shape":[..],"data_offsets":[start,end]}}, padded with spaces to a multiple
 * of 8 bytes so that the data that follows is aligned.
 */
final class HeaderJson {
  /** Orders names by their UTF-8 bytes, as Rust compares strings. */
  static final Comparator<String> BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
      a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private HeaderJson() {}

  /** One tensor's entry: its name, type, shape and byte range in the data section. */
  record Entry(String name, DType dtype, long[] shape, long start, long end) {}

  static byte[] write(List<Entry> entries, Map<String, String> metadata) {
    StringBuilder json = new StringBuilder("{");
    boolean first = true;
    if (!metadata.isEmpty()) {
      json.append("\"__metadata__\":{");
      boolean firstKey = true;
      for (String key : metadata.keySet().stream().sorted(BYTE_ORDER).toList()) {
        if (!firstKey) {
          json.append(',');
        }
        string(json, key).append(':');
        string(json, metadata.get(key));
        firstKey = false;
      }
      json.append('}');
      first = false;
    }
    for (Entry entry : entries) {
      if (!first) {
        json.append(',');
      }
      string(json, entry.name()).append(":{\"dtype\":\"").append(entry.dtype().name())
          .append("\",\"shape\":[");
      for (int i = 0; i < entry.shape().length; i++) {
        json.append(i == 0 ? "" : ",").append(entry.shape()[i]);
      }
      json.append("],\"data_offsets\":[").append(entry.start()).append(',').append(entry.end())
          .append("]}");
      first = false;
    }
    json.append('}');
    byte[] text = json.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (text.length + 7) / 8 * 8;
    byte[] header = Arrays.copyOf(text, padded);
    Arrays.fill(header, text.length, padded, (byte) ' ');
    return header;
  }

  /** A JSON string with serde_json's escapes: short forms where they exist, else lowercase \\u00xx. */
  private static StringBuilder string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
