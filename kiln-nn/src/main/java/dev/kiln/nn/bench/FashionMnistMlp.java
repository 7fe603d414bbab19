package dev.kiln.nn.bench;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.batching.PassOrder;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Relu;
import dev.kiln.nn.layers.Softmax;
import dev.kiln.nn.losses.CategoricalCrossentropy;
import dev.kiln.nn.ops.Ops;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.nn.optimizers.OptimizerOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Trains the Fashion-MNIST MLP of {@code /work/shared/peers/README.md} (784→256 ReLU→dropout
 * 0.2→256 ReLU→dropout 0.2→10 softmax, batch 128, Adam 1e-3) and prints, last,
 * {@code examples_per_s=<median over epochs 2..N> test_acc=<after N> gemm_gflops=<effective>}.
 *
 * <p>It draws its random numbers as {@code kiln train examples/fashion-mnist/config.cfg} does
 * at the same seed (the model seeded by the component's name, each epoch's order by
 * {@link PassOrder}, classes numbered as {@code kiln.classifier} numbers them), so both train the
 * same weights and {@code bench/train-overhead} compares the same work.
 *
 * <p>Images stay bytes; each batch is converted to floats in a reused buffer, so the heap holds
 * 55 MB of data rather than 220 MB of floats. The input gradient of the first layer is never
 * computed ({@link dev.kiln.nn.Backprop#accumulate}), as in PyTorch.
 */
public final class FashionMnistMlp {
  /** Matrix flops per training example: forward, weight gradients, input grads of layers 2-3. */
  static final long FLOPS_PER_EXAMPLE =
      2L * (784 * 256 + 256 * 256 + 256 * 10) * 2 + 2L * (256 * 256 + 256 * 10);

  /** Pixel byte to float, {@code b / 255f} as the peers compute it; a lookup is 3x faster. */
  private static final float[] PIXELS = new float[256];

  static {
    for (int i = 0; i < PIXELS.length; i++) {
      PIXELS[i] = i / 255f;
    }
  }

  /** The component's name in examples/fashion-mnist/config.cfg, which seeds its model. */
  private static final String COMPONENT = "classifier";

  /** One epoch's figures. */
  private record EpochStats(double seconds, double cpuSeconds, double optimizerSeconds,
      double meanLoss) {}

  private final Model<Floats, Floats> model;
  private final Adam adam;
  private final CategoricalCrossentropy loss = new CategoricalCrossentropy();
  private final FashionMnist data;
  private final int batchSize;
  private final long seed;
  private final int[] trainClasses;
  private final int[] testClasses;
  private int[] order;
  private int pass;
  /** Reused input buffers: every full batch, and the epoch's partial last one (or null). */
  private final Floats fullBatch;
  private final Floats tailBatch;
  private long optimizerNanos;

  private FashionMnistMlp(FashionMnist data, int batchSize, long seed) {
    this.data = data;
    this.batchSize = batchSize;
    this.seed = seed;
    this.trainClasses = FashionMnist.classes(data.trainLabels());
    this.testClasses = FashionMnist.classes(data.testLabels());
    this.order = identity(data.trainImages().count());
    int n = data.trainImages().count();
    this.fullBatch = Floats.zeros(batchSize, data.trainImages().itemSize());
    this.tailBatch = n % batchSize == 0 ? null
        : Floats.zeros(n % batchSize, data.trainImages().itemSize());
    this.model = Chain.create(Relu.create(256, 0.2), Relu.create(256, 0.2), Softmax.create());
    Floats sampleX = toFloats(data.trainImages(), order, 0, 5, Floats.zeros(5, 784));
    Floats sampleY = Floats.zeros(5, 10);
    for (int i = 0; i < 5; i++) {
      sampleY.set(i, trainClasses[i], 1f);
    }
    model.initialize(sampleX, sampleY, Rng.derive(seed, COMPONENT).nextLong());
    // The peers' Adam: no gradient clipping, no L2, no averages.
    this.adam = new Adam(0.001,
        OptimizerOptions.defaults().withGradClip(0).withL2(0, true).withAverages(false));
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    BenchOptions options = BenchOptions.parse(args);
    FashionMnist data = FashionMnist.read(options.dataDir());
    Ops ops = Ops.get();
    System.out.printf(Locale.ROOT, "kiln: blas=%s threads=%d data: train %d x %d, test %d%n",
        ops.backend(), ops.pool().threads(), data.trainImages().count(),
        data.trainImages().itemSize(), data.testImages().count());
    FashionMnistMlp bench = new FashionMnistMlp(data, options.batchSize(), options.seed());
    System.out.println(bench.model.paramSummary());
    List<Double> rates = new ArrayList<>();
    double acc = 0;
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      EpochStats stats = bench.trainEpoch();
      double rate = data.trainImages().count() / stats.seconds();
      rates.add(rate);
      long evalStart = System.nanoTime();
      acc = bench.evaluate();
      double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
      System.out.printf(Locale.ROOT, "epoch %d: train_seconds=%.3f (optimizer %.3f) "
              + "examples_per_s=%.0f cpu_util=%.2f train_loss=%.4f test_acc=%.4f "
              + "eval_seconds=%.3f heap_peak_mb=%.1f%n",
          epoch, stats.seconds(), stats.optimizerSeconds(), rate,
          stats.cpuSeconds() / stats.seconds(), stats.meanLoss(), acc, evalSeconds, peakHeapMb());
    }
    double median = median(rates.subList(rates.size() > 1 ? 1 : 0, rates.size()));
    if (options.seeds() > 1) {
      System.out.println(accuracyOverSeeds(data, options, acc).line());
    }
    if (options.withPeers()) {
      Peers.run(options.epochs(), median, options.seed(), options.seeds());
    }
    System.out.printf(Locale.ROOT, "examples_per_s=%.0f test_acc=%.4f gemm_gflops=%.1f%n",
        median, acc, median * FLOPS_PER_EXAMPLE / 1e9);
  }

  /**
   * Trains the bench's model on the Fashion-MNIST files in {@code dataDir} for {@code epochs}
   * epochs of batches of 128 and returns it: the model {@code kiln train
   * examples/fashion-mnist/config.cfg} trains at the same seed, weight for weight.
   */
  public static Model<Floats, Floats> train(Path dataDir, int epochs, long seed)
      throws IOException {
    FashionMnistMlp run = new FashionMnistMlp(FashionMnist.read(dataDir), 128, seed);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      run.trainEpoch();
    }
    return run.model;
  }

  /** Trains seeds {@code seed + 1 ..} for their accuracy alone, beside the first's {@code acc}. */
  private static AccuracySpread accuracyOverSeeds(FashionMnist data, BenchOptions options,
      double acc) {
    double[] accuracies = new double[options.seeds()];
    accuracies[0] = acc;
    for (int i = 1; i < accuracies.length; i++) {
      long seed = options.seed() + i;
      FashionMnistMlp run = new FashionMnistMlp(data, options.batchSize(), seed);
      for (int epoch = 1; epoch <= options.epochs(); epoch++) {
        run.trainEpoch();
      }
      accuracies[i] = run.evaluate();
      System.out.printf(Locale.ROOT, "seed %d: test_acc=%.4f%n", seed, accuracies[i]);
    }
    return new AccuracySpread("kiln", options.seed(), accuracies);
  }

  private EpochStats trainEpoch() {
    IdxFile images = data.trainImages();
    int n = images.count();
    int fullBatches = n / batchSize;
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    // The shuffle is part of the epoch, as in the peers' timed loops (and kiln train's).
    order = PassOrder.shuffled(n, seed, pass++);
    optimizerNanos = 0;
    double lossSum = 0;
    // The partial last batch is trained after the loop, not by a branch inside it: taken once an
    // epoch, such a branch made the JIT discard and recompile the loop's whole inlined step at
    // each epoch's end (a few hundred ms of compiling on one of the two cores, epochs 2-4).
    for (int batch = 0; batch < fullBatches; batch++) {
      lossSum += step(batch * batchSize, fullBatch);
    }
    if (tailBatch != null) {
      lossSum += step(fullBatches * batchSize, tailBatch);
    }
    return new EpochStats((System.nanoTime() - start) / 1e9,
        (processCpuNanos() - cpuStart) / 1e9, optimizerNanos / 1e9, lossSum / n);
  }

  /**
   * Trains on the examples {@code order[from..from + x.rows())}, their pixels copied into
   * {@code x}; returns their summed log loss.
   */
  private double step(int from, Floats x) {
    int size = x.rows();
    toFloats(data.trainImages(), order, from, size, x);
    int[] y = labels(from, size);
    ForwardResult<Floats, Floats> result = model.beginUpdate(x);
    double lossSum = crossEntropySum(result.output(), y);
    result.backprop().accumulate(loss.compute(result.output(), Ints.of(y)).gradient());
    long beforeUpdate = System.nanoTime();
    model.finishUpdate(adam);
    optimizerNanos += System.nanoTime() - beforeUpdate;
    return lossSum;
  }

  /**
   * The labels of {@code order[from..from + size)}. A loop of its own, not in {@link #step}: with
   * no loop there, {@code step} stays in the quick compiler and the JIT optimises only the
   * layers' code, instead of compiling the whole inlined step (~0.25 s on one of two cores).
   */
  private int[] labels(int from, int size) {
    int[] y = new int[size];
    for (int i = 0; i < size; i++) {
      y[i] = trainClasses[order[from + i]];
    }
    return y;
  }

  /** The summed log loss, for reporting (Thinc's loss value is the squared gradient). */
  private static double crossEntropySum(Floats probs, int[] labels) {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      sum -= Math.log(probs.get(i, labels[i]) + 1e-12);
    }
    return sum;
  }

  private double evaluate() {
    IdxFile images = data.testImages();
    int n = images.count();
    int batch = 1000;
    int[] identity = identity(n);
    int correct = 0;
    for (int from = 0; from < n; from += batch) {
      int size = Math.min(batch, n - from);
      Floats probs = model.predict(toFloats(images, identity, from, size,
          Floats.zeros(size, images.itemSize())));
      for (int i = 0; i < size; i++) {
        correct += argmax(probs, i) == testClasses[from + i] ? 1 : 0;
      }
    }
    return (double) correct / n;
  }

  private static int argmax(Floats probs, int row) {
    int best = 0;
    for (int j = 1; j < probs.cols(); j++) {
      if (probs.get(row, j) > probs.get(row, best)) {
        best = j;
      }
    }
    return best;
  }

  /** Pixels of items {@code order[from..from+size)} scaled to [0, 1], into {@code out}. */
  static Floats toFloats(IdxFile images, int[] order, int from, int size, Floats out) {
    int width = images.itemSize();
    byte[] src = images.data();
    float[] dst = out.data();
    Ops.get().pool().parallelFor(size, 16, (first, end) -> {
      for (int i = first; i < end; i++) {
        int offset = order[from + i] * width;
        int row = i * width;
        for (int j = 0; j < width; j++) {
          dst[row + j] = PIXELS[src[offset + j] & 0xFF];
        }
      }
    });
    return out;
  }

  static int[] identity(int n) {
    int[] values = new int[n];
    Arrays.setAll(values, i -> i);
    return values;
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** CPU time of the whole process (all threads), to tell a busy machine from a slow kiln. */
  static long processCpuNanos() {
    return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
        .getProcessCpuTime();
  }

  /**
   * The sum of the heap pools' peak usage since start, in MB: an upper bound on the heap ever in
   * use, since the pools peak at different moments (the JVM runs with -Xmx300m regardless).
   */
  static double peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / 1e6;
  }
}
