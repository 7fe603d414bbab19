package dev.kiln.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares two JSON documents the way a config is compared with Thinc's output: objects by keys
 * (in order only for {@code *} positional sections), numbers by value and by kind (an integer
 * never equals a float), everything else exactly.
 */
public final class JsonComparison {
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
      if (!sameKind || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
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
