package dev.kiln.config;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares two JSON documents the way a config is compared with Thinc's output: objects by keys
 * (in order only for {@code *} positional sections), numbers by value and by kind (an integer
 * never equals a float), everything else exactly. Python's {@code Infinity} is read, as Thinc's
 * expectations hold it.
 */
public final class JsonComparison {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private JsonComparison() {}

  /** Every difference, each with its path; empty when the documents agree. */
  public static List<String> differences(String expected, String actual) {
    try {
      List<String> out = new ArrayList<>();
      compare(MAPPER.readTree(expected), MAPPER.readTree(actual), "$", out);
      return out;
    } catch (java.io.IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }

  private static void compare(JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (expected.isNumber() && actual.isNumber()) {
      boolean sameKind = expected.isIntegralNumber() == actual.isIntegralNumber();
      if (!sameKind || !sameValue(expected, actual)) {
        out.add(path + ": expected " + expected + " but was " + actual);
      }
    } else if (expected.isObject() && actual.isObject()) {
      compareObjects(expected, actual, path, out);
    } else if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        out.add(path + ": expected " + expected.size() + " items but was " + actual.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(expected.get(i), actual.get(i), path + "[" + i + "]", out);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + " but was " + actual);
    }
  }

  private static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (!Double.isFinite(expected.doubleValue()) || !Double.isFinite(actual.doubleValue())) {
      return Double.compare(expected.doubleValue(), actual.doubleValue()) == 0; // no BigDecimal for these
    }
    return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
  }

  private static void compareObjects(JsonNode expected, JsonNode actual, String path, List<String> out) {
    List<String> expectedKeys = keys(expected);
    List<String> actualKeys = keys(actual);
    boolean positional = path.endsWith(".*");
    if (positional ? !expectedKeys.equals(actualKeys)
        : !new java.util.HashSet<>(expectedKeys).equals(new java.util.HashSet<>(actualKeys))) {
      out.add(path + ": expected keys " + expectedKeys + " but were " + actualKeys);
      return;
    }
    for (String key : expectedKeys) {
      compare(expected.get(key), actual.get(key), path + "." + key, out);
    }
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    Iterator<String> names = node.fieldNames();
    names.forEachRemaining(keys::add);
    return keys;
  }
}
