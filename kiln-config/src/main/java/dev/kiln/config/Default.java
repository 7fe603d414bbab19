package dev.kiln.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default of a registered function's parameter, written as a config value (JSON, e.g.
 * {@code "0.001"}, {@code "true"}, {@code "null"}, {@code "\"relu\""}). {@code fill} writes it
 * into the config so saved configs have no hidden defaults.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Default {
  String value();
}
