package dev.kiln.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.Default;
import dev.kiln.config.Name;
import dev.kiln.config.RegisteredFunction;
import dev.kiln.config.Registries;
import dev.kiln.nn.schedules.Constant;
import dev.kiln.nn.schedules.Schedule;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ServiceLoader finds kiln-nn's optimizers, schedules and losses, under Thinc's names with
 * Thinc's parameter names and defaults (compared with Thinc 8.1.7's own signatures).
 */
class RegistryContentsTest {
  private final Registries registries = Registries.load();

  @Test
  void registersEveryName() {
    assertThat(registries.names("optimizers")).contains("Adam.v1", "RAdam.v1", "SGD.v1");
    assertThat(registries.names("schedules")).contains(
        "constant.v1", "constant_then.v1", "decaying.v1", "compounding.v1", "warmup_linear.v1",
        "slanted_triangular.v1", "cyclic_triangular.v1", "plateau.v1", "kiln.cosine.v1");
    assertThat(registries.names("losses")).contains(
        "CategoricalCrossentropy.v1", "CategoricalCrossentropy.v2", "CategoricalCrossentropy.v3",
        "SequenceCategoricalCrossentropy.v1", "SequenceCategoricalCrossentropy.v2",
        "SequenceCategoricalCrossentropy.v3", "L2Distance.v1", "CosineDistance.v1");
  }

  @Test
  void parametersAndDefaultsAreThincs() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (JsonNode f : ThincExpectations.load("signatures.json").get("functions")) {
      String label = f.get("category").asText() + " " + f.get("name").asText();
      RegisteredFunction function =
          registries.find(f.get("category").asText(), f.get("name").asText()).orElseThrow();
      List<String> thincNames = new ArrayList<>();
      f.get("parameters").forEach(p -> thincNames.add(p.get("name").asText()));
      List<String> kilnNames = new ArrayList<>();
      for (Parameter p : function.method().getParameters()) {
        Name name = p.getAnnotation(Name.class);
        kilnNames.add(name == null ? p.getName() : name.value());
      }
      assertThat(kilnNames).as(label).containsExactlyInAnyOrderElementsOf(thincNames);
      for (JsonNode thinc : f.get("parameters")) {
        Parameter p = function.method().getParameters()[kilnNames.indexOf(thinc.get("name").asText())];
        Default kilnDefault = p.getAnnotation(Default.class);
        if (!thinc.has("default")) {
          assertThat(kilnDefault).as(label + " " + thinc.get("name") + " has no default").isNull();
        } else {
          assertThat(kilnDefault).as(label + " " + thinc.get("name") + " default").isNotNull();
          assertThat(json.readTree(kilnDefault.value()).asText())
              .as(label + " " + thinc.get("name") + " default")
              .isEqualTo(thinc.get("default").asText());
        }
      }
    }
  }

  @Test
  void numbersAndListsStandForSchedules() {
    Object constant = registries.conversions().convert(0.001, Schedule.class).orElseThrow();
    assertThat(constant).isEqualTo(new Constant(0.001));
    Schedule list = (Schedule) registries.conversions()
        .convert(List.of(1L, 0.5, 0.25), Schedule.class).orElseThrow();
    assertThat(list.valueAt(1)).isEqualTo(0.5);
    assertThat(list.valueAt(9)).isEqualTo(0.25);
    assertThat(registries.conversions().convert(3L, Schedule.class).orElseThrow())
        .isEqualTo(new Constant(3));
    assertThat(Set.copyOf(registries.categories())).contains("optimizers", "schedules", "losses");
  }
}
