package dev.kiln.nn.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates a safetensors header, as strictly as the Hugging Face reader: valid UTF-8
 * JSON, known types, offsets that tile the data section from 0 with no gap or overlap, and byte
 * ranges that match each tensor's shape and type.
 */
final class HeaderParser {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String source;

  HeaderParser(String source) {
    this.source = source;
  }

  /** The parsed header: tensors in file order and the free-form metadata. */
  record Header(List<HeaderJson.Entry> entries, Map<String, String> metadata, long dataLength) {}

  Header parse(byte[] headerBytes) {
    JsonNode root = json(headerBytes);
    Map<String, String> metadata = new LinkedHashMap<>();
    List<HeaderJson.Entry> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("__metadata__")) {
        metadata(field.getValue(), metadata);
      } else {
        entries.add(entry(field.getKey(), field.getValue()));
      }
    }
    entries.sort(Comparator.comparingLong(HeaderJson.Entry::start)
        .thenComparingLong(HeaderJson.Entry::end));
    long end = 0;
    for (HeaderJson.Entry e : entries) {
      if (e.start() != end || e.end() < e.start()) {
        throw tensorError(e.name(), "its data_offsets [" + e.start() + ", " + e.end()
            + "] do not start where the previous tensor ends (" + end + ")");
      }
      long bytes;
      try {
        bytes = Math.multiplyExact(Tensor.elements(e.shape()), e.dtype().size());
      } catch (ArithmeticException overflow) {
        throw tensorError(e.name(), "its shape is too large");
      }
      if (bytes != e.end() - e.start()) {
        throw tensorError(e.name(), e.dtype() + java.util.Arrays.toString(e.shape()) + " needs "
            + bytes + " bytes but its data_offsets span " + (e.end() - e.start()));
      }
      end = e.end();
    }
    return new Header(entries, metadata, end);
  }

  private JsonNode json(byte[] headerBytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(headerBytes)).toString();
    } catch (CharacterCodingException e) {
      throw new KilnException(ErrorCode.E151, source, "it is not UTF-8 text");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new KilnException(ErrorCode.E151, source,
          "it is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new KilnException(ErrorCode.E151, source, "it is not a JSON object");
    }
    return root;
  }

  private void metadata(JsonNode node, Map<String, String> into) {
    if (!node.isObject()) {
      throw new KilnException(ErrorCode.E151, source, "__metadata__ is not an object");
    }
    node.fields().forEachRemaining(f -> {
      if (!f.getValue().isTextual()) {
        throw new KilnException(ErrorCode.E151, source,
            "__metadata__ value \"" + f.getKey() + "\" is not a string");
      }
      into.put(f.getKey(), f.getValue().asText());
    });
  }

  private HeaderJson.Entry entry(String name, JsonNode node) {
    if (!node.isObject()) {
      throw tensorError(name, "its entry is not an object");
    }
    DType dtype;
    try {
      dtype = DType.valueOf(node.path("dtype").asText(""));
    } catch (IllegalArgumentException e) {
      throw tensorError(name, "unknown dtype " + node.get("dtype"));
    }
    long[] shape = naturals(name, "shape", node.get("shape"), -1);
    long[] offsets = naturals(name, "data_offsets", node.get("data_offsets"), 2);
    return new HeaderJson.Entry(name, dtype, shape, offsets[0], offsets[1]);
  }

  private long[] naturals(String name, String key, JsonNode node, int expectedLength) {
    if (node == null || !node.isArray()
        || (expectedLength >= 0 && node.size() != expectedLength)) {
      throw tensorError(name, key + " is missing or not a list"
          + (expectedLength >= 0 ? " of " + expectedLength + " numbers" : ""));
    }
    long[] values = new long[node.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode v = node.get(i);
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
        throw tensorError(name, key + " holds " + v + ", not a non-negative integer");
      }
      values[i] = v.asLong();
    }
    return values;
  }

  private KilnException tensorError(String name, String problem) {
    return new KilnException(ErrorCode.E152, source, name, problem);
  }
}
