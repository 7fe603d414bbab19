package dev.kiln.config;

import java.lang.reflect.Method;

/** A static method that configs can call as {@code @category = "name"}. */
public record RegisteredFunction(String category, String name, Method method) {
  /** Where the function lives, for messages: {@code dev.kiln.nn.Schedules.compounding}. */
  public String describe() {
    return method.getDeclaringClass().getName() + "." + method.getName();
  }
}
