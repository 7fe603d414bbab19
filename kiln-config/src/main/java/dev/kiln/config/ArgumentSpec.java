package dev.kiln.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One argument a registered function or a record accepts, read from its Java signature.
 *
 * @param key the config key: {@link Name} if present, else the Java parameter name
 * @param type the generic parameter type values are converted to
 * @param defaultText the {@link Default} text, if the argument may be left out
 * @param nullable whether {@code null} is accepted: an {@code Optional} type, a default of
 *     {@code null}, or an annotation named {@code Nullable}
 * @param takesRest whether it receives every remaining positional argument (Java varargs, or a
 *     parameter named {@code "*"} with {@link Name})
 */
record ArgumentSpec(
    String key, Type type, Optional<String> defaultText, boolean nullable, boolean takesRest) {

  /**
   * The specs of a method's or constructor's parameters, in order.
   *
   * @throws IllegalStateException if a parameter has neither a compiled name nor {@link Name}
   */
  static List<ArgumentSpec> of(Executable executable) {
    Parameter[] parameters = executable.getParameters();
    List<ArgumentSpec> specs = new ArrayList<>(parameters.length);
    for (int i = 0; i < parameters.length; i++) {
      Parameter p = parameters[i];
      boolean varargs = executable.isVarArgs() && i == parameters.length - 1;
      if (!p.isNamePresent() && p.getAnnotation(Name.class) == null) {
        throw new IllegalStateException(executable.getDeclaringClass().getName() + "."
            + executable.getName() + " was compiled without -parameters, so its config keys "
            + "are unknown: compile it with javac -parameters or put @Name on each parameter");
      }
      specs.add(of(p, p.getName(), varargs));
    }
    return specs;
  }

  /** The specs of a record's components, in the order of its canonical constructor. */
  static List<ArgumentSpec> ofRecord(Class<?> recordType) {
    RecordComponent[] components = recordType.getRecordComponents();
    Parameter[] parameters = canonicalConstructor(recordType).getParameters();
    List<ArgumentSpec> specs = new ArrayList<>(components.length);
    for (int i = 0; i < components.length; i++) {
      // Component names are always kept; constructor parameter names only with -parameters.
      specs.add(of(parameters[i], components[i].getName(), false));
    }
    return specs;
  }

  static Constructor<?> canonicalConstructor(Class<?> recordType) {
    RecordComponent[] components = recordType.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      return recordType.getDeclaredConstructor(types);
    } catch (NoSuchMethodException impossible) {
      throw new IllegalStateException("a record without its canonical constructor", impossible);
    }
  }

  /** Whether the argument may be left out of a config: it has a default or is {@code Optional}. */
  boolean optional() {
    return defaultText.isPresent() || isOptionalType();
  }

  boolean isOptionalType() {
    return TypeNames.raw(type) == Optional.class;
  }

  private static ArgumentSpec of(Parameter p, String javaName, boolean varargs) {
    Name name = p.getAnnotation(Name.class);
    Default value = p.getAnnotation(Default.class);
    String key = name != null ? name.value() : javaName;
    Optional<String> defaultText = Optional.ofNullable(value).map(Default::value);
    boolean nullable =
        TypeNames.raw(p.getParameterizedType()) == Optional.class
            || defaultText.map(t -> t.strip().equals("null")).orElse(false)
            || hasNullableAnnotation(p);
    boolean takesRest = varargs || key.equals(Section.POSITIONAL);
    return new ArgumentSpec(key, p.getParameterizedType(), defaultText, nullable, takesRest);
  }

  private static boolean hasNullableAnnotation(Parameter p) {
    for (Annotation a : p.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
