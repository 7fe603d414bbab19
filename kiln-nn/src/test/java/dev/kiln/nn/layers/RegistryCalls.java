package dev.kiln.nn.layers;

import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.config.RegisteredFunction;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Calls a registered function the way the config resolver will: named arguments by config key,
 * positional children for a varargs (or leading model) parameter, and every other parameter from
 * its {@link Default}. Small on purpose: enough JSON for the defaults kiln-nn declares.
 */
final class RegistryCalls {
  private RegistryCalls() {}

  static Object call(RegisteredFunction function, Map<String, Object> named,
      List<Object> positional) throws ReflectiveOperationException {
    Method method = function.method();
    Parameter[] params = method.getParameters();
    Object[] args = new Object[params.length];
    int nextPositional = 0;
    for (int i = 0; i < params.length; i++) {
      Parameter p = params[i];
      String key = p.isAnnotationPresent(Name.class) ? p.getAnnotation(Name.class).value()
          : p.getName();
      if (p.isVarArgs()) {
        List<Object> rest = positional.subList(nextPositional, positional.size());
        Object array = Array.newInstance(p.getType().getComponentType(), rest.size());
        for (int k = 0; k < rest.size(); k++) {
          Array.set(array, k, rest.get(k));
        }
        args[i] = array;
        nextPositional = positional.size();
      } else if (named.containsKey(key)) {
        args[i] = convert(named.get(key), p.getType());
      } else if (nextPositional < positional.size() && !p.isAnnotationPresent(Default.class)
          && p.getType().isInstance(positional.get(nextPositional))) {
        args[i] = positional.get(nextPositional++);
      } else if (p.isAnnotationPresent(Default.class)) {
        args[i] = convert(parse(p.getAnnotation(Default.class).value()), p.getType());
      } else {
        throw new IllegalArgumentException(function.name() + ": no value for " + key);
      }
    }
    return method.invoke(null, args);
  }

  private static Object parse(String json) {
    if (json.equals("null")) {
      return null;
    } else if (json.equals("true") || json.equals("false")) {
      return Boolean.parseBoolean(json);
    } else if (json.startsWith("\"")) {
      return json.substring(1, json.length() - 1);
    } else if (json.matches("-?\\d+")) {
      return Long.parseLong(json);
    }
    return Double.parseDouble(json);
  }

  private static Object convert(Object value, Class<?> type) {
    if (value instanceof Number n) {
      if (type == int.class || type == Integer.class) {
        return n.intValue();
      } else if (type == double.class || type == Double.class) {
        return n.doubleValue();
      } else if (type == float.class || type == Float.class) {
        return n.floatValue();
      } else if (type == long.class || type == Long.class) {
        return n.longValue();
      }
    }
    return value;
  }
}
