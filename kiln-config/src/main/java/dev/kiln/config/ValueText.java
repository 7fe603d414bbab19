package dev.kiln.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The text a value becomes when it is referenced inside a string and was not written in the
 * config (it came from an override): what Thinc's JSON writer would produce.
 */
final class ValueText {
  private ValueText() {}

  static String of(Object value) {
    if (value instanceof String s) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value instanceof Double d) {
      out.append(pythonFloat(d));
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        append(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        out.append(JsonWriter.pretty(String.valueOf(e.getKey()))).append(':');
        append(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof String s) {
      out.append(JsonWriter.pretty(s));
    } else {
      out.append(value);
    }
  }

  /**
   * Python's {@code repr} of a float: {@code 0.001}, {@code 1e-08}, {@code 10.0}, {@code 1e+16},
   * {@code inf}.
   */
  static String pythonFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    String sign = d < 0 ? "-" : "";
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int exponent = digits.length() - 1 - exact.scale();
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.format("%02d", Math.abs(exponent));
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
  }
}
