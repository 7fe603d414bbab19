package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTextTest {
  @Test
  void pythonFloatTextMatchesPythonRepr() {
    assertThat(ValueText.pythonFloat(0.001)).isEqualTo("0.001");
    assertThat(ValueText.pythonFloat(1e-8)).isEqualTo("1e-08");
    assertThat(ValueText.pythonFloat(1.5e-5)).isEqualTo("1.5e-05");
    assertThat(ValueText.pythonFloat(10.0)).isEqualTo("10.0");
    assertThat(ValueText.pythonFloat(-2.5)).isEqualTo("-2.5");
    assertThat(ValueText.pythonFloat(1e16)).isEqualTo("1e+16");
    assertThat(ValueText.pythonFloat(123456.789)).isEqualTo("123456.789");
    assertThat(ValueText.pythonFloat(0.0001)).isEqualTo("0.0001");
    assertThat(ValueText.pythonFloat(-0.0)).isEqualTo("-0.0");
    assertThat(ValueText.pythonFloat(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(ValueText.pythonFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(ValueText.pythonFloat(Double.NaN)).isEqualTo("nan");
  }

  @Test
  void containersAreCompactJsonAndStringsThemselves() {
    assertThat(ValueText.of("plain")).isEqualTo("plain");
    assertThat(ValueText.of(List.of(1L, "a", 2.5))).isEqualTo("[1,\"a\",2.5]");
    assertThat(ValueText.of(Map.of("k", true))).isEqualTo("{\"k\":true}");
    assertThat(ValueText.of(null)).isEqualTo("null");
  }
}
