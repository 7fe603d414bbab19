package dev.kiln.text.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.text.Doc;
import dev.kiln.text.Token;
import dev.kiln.train.Example;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each document's tokens as kiln's tokenizer made them, with the lexical attributes the
 * models use, so the Thinc peer trains on exactly the same words:
 * {@code {"lower": [...], "norm": [...], "prefix": [...], "suffix": [...], "shape": [...], "cats": {...}}}.
 */
final class TokenFeatures {
  private TokenFeatures() {}

  static void write(List<Example<Doc>> examples, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (Example<Doc> example : examples) {
        List<Token> tokens = example.predicted().tokens();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("lower", attribute(tokens, Token::lower));
        record.put("norm", attribute(tokens, Token::norm));
        record.put("prefix", attribute(tokens, Token::prefix));
        record.put("suffix", attribute(tokens, Token::suffix));
        record.put("shape", attribute(tokens, Token::shape));
        record.put("cats", example.reference().cats());
        out.write(json.writeValueAsString(record));
        out.newLine();
      }
    }
  }

  private static List<String> attribute(List<Token> tokens, java.util.function.Function<Token, String> get) {
    List<String> values = new ArrayList<>(tokens.size());
    for (Token token : tokens) {
      values.add(get.apply(token));
    }
    return values;
  }
}
