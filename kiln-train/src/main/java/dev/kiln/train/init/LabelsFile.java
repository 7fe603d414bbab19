package dev.kiln.train.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.JsonFiles;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A component's labels on disk, as spaCy's {@code init labels} writes them and its
 * {@code read_labels} reads them: a JSON list of label names ({@code ["HAM", "SPAM"]}).
 *
 * <p>spaCy's {@code ner} writes its transition moves instead, an object of moves each mapping
 * labels to counts; reading takes the labels of its moves, so that a spaCy user's labels folder
 * serves as it is.
 */
public final class LabelsFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter ONE_PER_LINE =
      new DefaultPrettyPrinter().withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private static final String REWRITE =
      "Write the labels as a JSON list such as [\"HAM\", \"SPAM\"] (kiln init labels CONFIG DIR writes the training data's).";

  private LabelsFile() {}

  /**
   * The labels in {@code file}, in the order written.
   *
   * @throws KilnException E262 if it cannot be read or holds no list of label names, or an empty one
   */
  public static List<String> read(Path file) {
    if (Files.isDirectory(file)) {
      throw rejected(file, "it is a directory", "Give the path of a file in it, such as NAME.json.");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw rejected(file, "it is not valid JSON: " + JsonFiles.describe(e), REWRITE);
    } catch (IOException e) {
      throw rejected(file, "cannot read it: " + IoReason.of(e), "Check the path and its permissions.");
    }
    List<String> labels = root != null && root.isObject() ? movesLabels(root) : names(root);
    if (labels == null) {
      throw rejected(file, "it holds " + describe(root) + ", not a JSON list of label names", REWRITE);
    }
    if (labels.isEmpty()) {
      throw rejected(file, "it lists no label", REWRITE);
    }
    return labels;
  }

  /**
   * E262 for {@code file}. (Not a rejected argument of the reader's {@code path}: the resolver then
   * reports the reader's section, {@code initialize -> components -> NAME -> labels}, which says
   * whose labels they are.)
   */
  static KilnException rejected(Path file, String problem, String remedy) {
    return new KilnException(ErrorCode.E262, file, problem, remedy);
  }

  /** The text of a labels file for {@code labels}: a JSON list, one name per line, as spaCy's srsly writes it. */
  public static String text(List<String> labels) {
    try {
      return JSON.writer(ONE_PER_LINE).writeValueAsString(labels) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is JSON", e);
    }
  }

  /** The names of a JSON list of strings, or null if {@code node} is not one. */
  private static List<String> names(JsonNode node) {
    if (node == null || !node.isArray()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        return null;
      }
      names.add(item.asText());
    }
    return names;
  }

  /**
   * The labels of spaCy's moves object ({@code {"0": {}, "1": {"ORG": 12}, ...}}), every label
   * once, in the order first met; the empty label of its {@code O} move is none. Null if the
   * object is not of that form.
   */
  private static List<String> movesLabels(JsonNode moves) {
    Set<String> labels = new LinkedHashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = moves.fields(); it.hasNext(); ) {
      JsonNode counts = it.next().getValue();
      if (!counts.isObject()) {
        return null;
      }
      counts.fieldNames().forEachRemaining(label -> {
        if (!label.isEmpty()) {
          labels.add(label);
        }
      });
    }
    return List.copyOf(labels);
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isArray()) {
      return "a list with an item that is not a string";
    }
    return node.isObject() ? "an object" : "the value " + node;
  }
}
