package dev.kiln.text;

import java.nio.file.Path;
import java.util.Optional;

/** The CoNLL file formats kiln reads and converts: CoNLL-U treebanks and CoNLL-2003 entity files. */
public enum ConllFormat {
  CONLLU,
  CONLL2003;

  /**
   * The format of a file by its extension ({@code .conllu}) or else by its first token line: ten
   * tab-separated fields make CoNLL-U, anything else CoNLL-2003.
   *
   * @return empty if the file has no token line to tell by
   */
  public static Optional<ConllFormat> detect(Path path) {
    if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".conllu")) {
      return Optional.of(CONLLU);
    }
    try (LineReader lines = new LineReader(path)) {
      String line;
      while ((line = lines.next()) != null) {
        if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("-DOCSTART-")) {
          return Optional.of(line.split("\t", -1).length == 10 ? CONLLU : CONLL2003);
        }
      }
    }
    return Optional.empty();
  }
}
