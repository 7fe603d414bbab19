package dev.kiln.config;

/**
 * The result of a promise that validation does not call: only the function's declared return
 * type is known, and that is what parameter types are checked against.
 */
record Pending(RegisteredFunction function) {
  Class<?> returnType() {
    return function.method().getReturnType();
  }

  /** For messages: {@code the result of @schedules "constant.v1" (Double)}. */
  String describe() {
    return "the result of @" + function.category() + " \"" + function.name() + "\" ("
        + returnType().getSimpleName() + ")";
  }
}
