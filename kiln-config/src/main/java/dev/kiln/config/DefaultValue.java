package dev.kiln.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the text of a {@link Default} annotation into a config value, by the config language's
 * rule: JSON if it parses, otherwise the text as a string.
 */
final class DefaultValue {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DefaultValue() {}

  /**
   * The config value written as {@code text}: {@code Long}, {@code Double}, {@code String},
   * {@code Boolean}, {@code null}, {@code List<Object>} or {@code Map<String,Object>}.
   */
  static Object parse(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node == null || node.isMissingNode() ? text : toValue(node);
    } catch (JsonProcessingException notJson) {
      return text;
    }
  }

  private static Object toValue(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.doubleValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode item : node) {
        list.add(toValue(item));
      }
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      map.put(field.getKey(), toValue(field.getValue()));
    }
    return map;
  }
}
