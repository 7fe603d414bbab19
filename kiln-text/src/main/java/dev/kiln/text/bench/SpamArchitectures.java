package dev.kiln.text.bench;

/**
 * The two benchmarked classifiers as config sections, with the sizes the Thinc peer
 * ({@code bench/spam_textcat_thinc.py}) uses: spaCy's defaults for the bag of n-grams, and for
 * the CNN those of {@code examples/spam/config-cnn.cfg} (width 64, depth 2: a third of the
 * work per word of spaCy's width 96, depth 4, so a run fits in minutes on two shared cores).
 */
final class SpamArchitectures {
  private SpamArchitectures() {}

  static String config(String arch) {
    return switch (arch) {
      case "bow" -> """
          [model]
          @architectures = "spacy.TextCatBOW.v2"
          exclusive_classes = true
          ngram_size = 2
          length = 262144
          """;
      case "cnn" -> """
          [model]
          @architectures = "spacy.TextCatCNN.v2"
          exclusive_classes = true

          [model.tok2vec]
          @architectures = "spacy.HashEmbedCNN.v2"
          width = 64
          depth = 2
          embed_size = 2000
          window_size = 1
          maxout_pieces = 3
          subword_features = true
          """;
      default -> throw new IllegalArgumentException("unknown architecture " + arch + "; expected bow or cnn");
    };
  }
}
