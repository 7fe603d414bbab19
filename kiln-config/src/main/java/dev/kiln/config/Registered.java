package dev.kiln.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static method as a registered function that configs can call:
 * {@code @schedules = "compounding.v1"} calls the method registered with category
 * {@code schedules} and name {@code compounding.v1}.
 *
 * <p>Its parameters are the function's arguments, named as in the config (the Java parameter
 * name, or {@link Name}), with defaults from {@link Default}. A registry provider adds the
 * holding class with {@link Registries#addAll(Class)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Registered {
  /** The registry category, e.g. {@code "schedules"}; see {@link Registries#CATEGORIES}. */
  String category();

  /** The versioned name, e.g. {@code "compounding.v1"}; a name never changes meaning. */
  String name();
}
