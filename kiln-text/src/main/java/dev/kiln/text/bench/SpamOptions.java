package dev.kiln.text.bench;

import java.nio.file.Path;
import java.util.List;

/** Command-line options of {@link SpamTextcat}; {@code limit} > 0 keeps that many training messages (for profiling). */
record SpamOptions(Path data, Path tokensOut, List<String> architectures, int epochs, int batchSize,
    double learnRate, long seed, int limit) {
  static SpamOptions parse(String[] args) {
    Path data = null;
    Path tokensOut = null;
    List<String> architectures = List.of("bow", "cnn");
    int epochs = 3;
    int batchSize = 32;
    double learnRate = 0.001;
    long seed = 0;
    int limit = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--tokens-out" -> tokensOut = Path.of(args[++i]);
        case "--arch" -> architectures = List.of(args[++i].split(","));
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
        case "--learn-rate" -> learnRate = Double.parseDouble(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--limit" -> limit = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; expected --data DIR, --tokens-out DIR, --arch bow,cnn, --epochs N, --batch-size N, --learn-rate X, --seed N, --limit N");
      }
    }
    if (data == null) {
      throw new IllegalArgumentException("--data DIR (the output of examples/spam/make_data.py --full DIR) is required");
    }
    return new SpamOptions(data, tokensOut, architectures, epochs, batchSize, learnRate, seed, limit);
  }
}
