package dev.kiln.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  private static final String TRAINING = """
      [paths]
      train = "train.jsonl"
      dev = null

      [system]
      seed = 0

      [training]
      seed = ${system.seed}
      data = ${paths.train}
      label = "run-${system.seed}"

      [training.optimizer]
      @optimizers = "Adam.v1"
      learn_rate = 0.001

      [model]
      @layers = "chain.v1"

      [model.*.hidden]
      @layers = "Relu.v1"
      nO = 64

      [model.*.output]
      @layers = "Softmax.v1"
      """;

  private static Section section(Config config, String... path) {
    Section node = config.root();
    for (String part : path) {
      node = node.section(part).orElseThrow();
    }
    return node;
  }

  @Test
  void parseValueReadsJsonAndKeepsAnythingElseAsText() {
    assertThat(Config.parseValue("10")).isEqualTo(10L);
    assertThat(Config.parseValue("0.5")).isEqualTo(0.5);
    assertThat(Config.parseValue("1e-8")).isEqualTo(1e-8);
    assertThat(Config.parseValue("true")).isEqualTo(true);
    assertThat(Config.parseValue("null")).isNull();
    assertThat(Config.parseValue("\"10\"")).isEqualTo("10");
    assertThat(Config.parseValue("[1, \"a\"]")).isEqualTo(List.of(1L, "a"));
    assertThat(Config.parseValue("{\"a\": {}}")).isEqualTo(Map.of("a", Map.of()));
    assertThat(Config.parseValue("corpus/train.jsonl")).isEqualTo("corpus/train.jsonl");
    assertThat(Config.parseValue("")).isEqualTo("");
    assertThat(Config.parseValue("${paths.dev}")).isEqualTo("${paths.dev}");
    assertThat(Config.parseValue("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Config.parseValue("-1e400")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Config.parseValue("1e-400")).isEqualTo(0.0);
    assertThat(Config.parseValue("{\"a\": 1e400}")).isEqualTo(Map.of("a", Double.POSITIVE_INFINITY));
    assertThat(Config.parseValue("\"1e400\"")).isEqualTo("1e400");
    for (String name : List.of("NaN", "nan", "Infinity", "-Infinity", "inf")) {
      assertThat(Config.parseValue(name)).isEqualTo(name);
    }
  }

  /** The Thinc quirk kiln does not copy: Thinc 8.1.7 reads "10" as the number 10. */
  @Test
  void aQuotedNumberStaysAString() {
    Config config = Config.parse("[a]\nten = \"10\"\nlist = [\"10\"]\n", "q.cfg").interpolate();

    assertThat(section(config, "a").get("ten")).isEqualTo("10");
    assertThat(section(config, "a").get("list")).isEqualTo(List.of("10"));
  }

  @Test
  void referencesStayTemplatesUntilInterpolation() {
    Config config = Config.parse(TRAINING, "train.cfg");

    assertThat(section(config, "training").get("seed"))
        .isEqualTo(new Template("${system.seed}", new TemplatePart.Ref(new Reference("system.seed"))));
    assertThat(config.toString()).contains("seed = ${system.seed}\n");
    assertThat(config.toJson()).contains("\"seed\": \"${system.seed}\"");
  }

  @Test
  void interpolationLeavesOnlySectionsAndJsonValues() {
    Config config = Config.parse(TRAINING, "train.cfg").interpolate();

    assertOnlyJson(config.root());
    assertThat(section(config, "training").get("seed")).isEqualTo(0L);
    assertThat(section(config, "training").get("data")).isEqualTo("train.jsonl");
    assertThat(section(config, "training").get("label")).isEqualTo("run-0");
  }

  private static void assertOnlyJson(Object value) {
    if (value instanceof Section section) {
      section.entries().values().forEach(ConfigTest::assertOnlyJson);
    } else if (value instanceof List<?> list) {
      list.forEach(ConfigTest::assertOnlyJson);
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(ConfigTest::assertOnlyJson);
    } else if (value != null) {
      assertThat(value).isInstanceOfAny(String.class, Long.class, Double.class, Boolean.class);
    }
  }

  @Test
  void overridesApplyBeforeInterpolationSoReferencesSeeThem() {
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("system.seed", Config.parseValue("42"));
    overrides.put("paths.train", Config.parseValue("other.jsonl"));
    overrides.put("training.optimizer.learn_rate", 0.01f);
    overrides.put("model.*.hidden.nO", 128);

    Config config = Config.parse(TRAINING, "train.cfg").withOverrides(overrides).interpolate();

    assertThat(section(config, "training").get("seed")).isEqualTo(42L);
    assertThat(section(config, "training").get("label")).isEqualTo("run-42");
    assertThat(section(config, "training").get("data")).isEqualTo("other.jsonl");
    assertThat(section(config, "training", "optimizer").get("learn_rate")).isEqualTo((double) 0.01f);
    assertThat(section(config, "model", "*", "hidden").get("nO")).isEqualTo(128L);
  }

  @Test
  void anOverrideMayReferToOtherValues() {
    Config config = Config.parse(TRAINING, "train.cfg")
        .withOverrides(Map.of("paths.dev", Config.parseValue("${paths.train}")))
        .interpolate();

    assertThat(section(config, "paths").get("dev")).isEqualTo("train.jsonl");
  }

  @Test
  void anOverrideEscapesDollarsAsTheConfigTextDoes() {
    Config config = Config.parse(TRAINING, "train.cfg")
        .withOverrides(Map.of("paths.dev", Config.parseValue("p$$q"), "paths.train", Config.parseValue("$5")))
        .interpolate();

    assertThat(section(config, "paths").get("dev")).isEqualTo("p$q");
    assertThat(section(config, "paths").get("train")).isEqualTo("$5");

    Config lists = Config.parse(TRAINING, "train.cfg")
        .withOverrides(Map.of("paths.dev", Config.parseValue("[\"${paths.train}\", \"a$$b\"]")))
        .interpolate();
    assertThat(section(lists, "paths").get("dev")).isEqualTo(List.of("train.jsonl", "a$b"));
  }

  @Test
  void anOverrideMayReplaceASectionByASection() {
    Section adam = new Section();
    adam.put("@optimizers", "SGD.v1");
    adam.put("learn_rate", 0.1);

    Config config = Config.parse(TRAINING, "train.cfg")
        .withOverrides(Map.of("training.optimizer", adam));

    assertThat(section(config, "training", "optimizer")).isEqualTo(adam);
  }

  @Test
  void anOverrideMayNameAKeyThatContainsDots() {
    Config config = Config.parse("[a]\nb.c = 1\n", "d.cfg").withOverrides(Map.of("a.b.c", 2L));

    assertThat(section(config, "a").get("b.c")).isEqualTo(2L);
  }

  @Test
  void anOverrideOfAMissingKeyNamesTheKeysThatExist() {
    Config config = Config.parse(TRAINING, "train.cfg");

    assertThatThrownBy(() -> config.withOverrides(Map.of("training.sed", 1L)))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.E024))
        .hasMessageContaining("training.sed")
        .hasMessageContaining("seed, data, label, optimizer");
  }

  @Test
  void withOverridesAndInterpolateLeaveTheOriginalUnchanged() {
    Config config = Config.parse(TRAINING, "train.cfg");
    String before = config.toString();

    config.withOverrides(Map.of("system.seed", 1L)).interpolate();
    config.root().put("extra", new Section());

    assertThat(config.toString()).isEqualTo(before);
  }

  @Test
  void toJsonShowsPromisesAsObjectsAndPositionalSectionsByNameInOrder() {
    String json = Config.parse(TRAINING, "train.cfg").interpolate().toJson();

    assertThat(json).contains("""
          "model": {
            "@layers": "chain.v1",
            "*": {
              "hidden": {
                "@layers": "Relu.v1",
                "nO": 64
              },
              "output": {
                "@layers": "Softmax.v1"
              }
            }
          }""".indent(2).stripTrailing());
  }

  @Test
  void toStringKeepsTheWrittenSectionOrder() {
    Config config = Config.parse("[b]\nx = 1\n\n[a]\ny = 2\n\n[b.c]\nz = 3\n", "o.cfg");

    assertThat(config.toString()).isEqualTo("[b]\nx = 1\n\n[b.c]\nz = 3\n\n[a]\ny = 2\n");
  }

  @Test
  void toStringWritesJsonValuesAndDoublesDollarSigns() {
    Config config = Config.parse("[a]\ntext = costs 5$$\nlist = [1,2.5,\"x\"]\n", "w.cfg");

    assertThat(config.toString()).isEqualTo("[a]\ntext = \"costs 5$$\"\nlist = [1, 2.5, \"x\"]\n");
  }

  /** Thinc 8.1.7 refuses a lone $ ("'$' must be followed by '$' or '{'"); kiln keeps it. */
  @Test
  void aLoneDollarSignIsText() {
    Config config = Config.parse("[a]\nprice = costs 5$ each\n", "p.cfg").interpolate();

    assertThat(section(config, "a").get("price")).isEqualTo("costs 5$ each");
  }

  @Test
  void anIntegerBeyondTheLongRangeStaysAString() {
    Config config = Config.parse("[a]\nbig = 99999999999999999999\n", "n.cfg");

    assertThat(section(config, "a").get("big")).isEqualTo("99999999999999999999");
  }

  /** Regression: {@code 1e400} stayed the string "1e400"; Thinc 8.1.7 reads it as infinity. */
  @Test
  void aFloatBeyondTheDoubleRangeIsInfinityAsInThinc() {
    Config config = Config.parse("[a]\nhuge = 1e400\nneg = -1e400\ntiny = -1e-400\nlist = [1e400]\n", "n.cfg");

    assertThat(section(config, "a").get("huge")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(section(config, "a").get("neg")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(section(config, "a").get("tiny")).isEqualTo(-0.0);
    assertThat(section(config, "a").get("list")).isEqualTo(List.of(Double.POSITIVE_INFINITY));
    assertThat(config.toString()).contains("huge = 1e999\nneg = -1e999\n").contains("list = [1e999]");
  }

  @Test
  void anOverriddenFloatInsideTextIsWrittenAsPythonReprWould() {
    Config config = Config.parse("[v]\ne = 1\n[s]\nt = \"eps=${v.e}\"\n", "t.cfg")
        .withOverrides(Map.of("v.e", 1e-8))
        .interpolate();

    assertThat(section(config, "s").get("t")).isEqualTo("eps=1e-08");
  }

  @Test
  void aSectionCopiedUnderADottedKeyBecomesAJsonObject() {
    Config config = Config.parse("[t]\nx = 1\n\n[s]\na.b = ${t}\n", "k.cfg").interpolate();

    assertThat(section(config, "s").get("a.b")).isEqualTo(Map.of("x", 1L));
    assertThat(Config.parse(config.toString(), "again").interpolate().root()).isEqualTo(config.root());
  }

  @Test
  void readNamesTheFileAndLineOfASyntaxError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.cfg");
    Files.writeString(file, "[a]\nx = 1\n[b\n");

    assertThatThrownBy(() -> Config.read(file))
        .isInstanceOf(KilnException.class)
        .hasMessage("[E002] " + file + ": line 3: the section header \"[b\" is not closed. Write it as [b].");
  }

  @Test
  void readRefusesAMissingFile(@TempDir Path dir) {
    Path file = dir.resolve("missing.cfg");

    assertThatThrownBy(() -> Config.read(file))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.E080))
        .hasMessageContaining(file.toString());
  }

  @Test
  void readRefusesTextThatIsNotUtf8AndSaysWhere(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.cfg");
    Files.write(file, "[a]\nx = \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> Config.read(file))
        .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.E081))
        .hasMessageContaining("near byte 12");
  }

  @Test
  void readIgnoresAByteOrderMark(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bom.cfg");
    Files.writeString(file, "\uFEFF[a]\nx = 1\n");

    assertThat(section(Config.read(file), "a").get("x")).isEqualTo(1L);
    assertThat(Config.read(file).sourceName()).isEqualTo(file.toString());
  }
}
