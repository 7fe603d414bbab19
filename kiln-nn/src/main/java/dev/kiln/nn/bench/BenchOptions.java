package dev.kiln.nn.bench;

import java.nio.file.Path;

/** Command-line options of {@link FashionMnistMlp}. */
record BenchOptions(int epochs, int batchSize, long seed, int seeds, boolean withPeers, Path dataDir) {
  static BenchOptions parse(String[] args) {
    int epochs = 5;
    int batchSize = 128;
    long seed = 0;
    int seeds = 1;
    boolean withPeers = false;
    Path dataDir = Path.of("/usr/share/datasets/fashion-mnist");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--seeds" -> seeds = Math.max(1, Integer.parseInt(args[++i]));
        case "--with-peers" -> withPeers = true;
        case "--data" -> dataDir = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; expected --epochs N, --batch-size N, --seed N, --seeds K, --with-peers, --data DIR");
      }
    }
    return new BenchOptions(epochs, batchSize, seed, seeds, withPeers, dataDir);
  }
}
