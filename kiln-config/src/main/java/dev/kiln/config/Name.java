package dev.kiln.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The config key of a registered function's parameter, when it differs from the Java name
 * (Thinc's {@code nO}, {@code L2_is_weight_decay}, {@code learn_rate}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Name {
  String value();
}
