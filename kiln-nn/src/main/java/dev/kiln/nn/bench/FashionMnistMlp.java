package dev.kiln.nn.bench;

import dev.kiln.nn.Backprop;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
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
 * <p>Images stay bytes; each batch is converted to floats in a reused buffer, so the heap holds
 * 55 MB of data rather than 220 MB of floats.
 */
public final class FashionMnistMlp {
  /** Matrix flops per training example: forward, weight gradients, input grads of layers 2-3. */
  static final long FLOPS_PER_EXAMPLE =
      2L * (784 * 256 + 256 * 256 + 256 * 10) * 2 + 2L * (256 * 256 + 256 * 10);

  /** Pixel byte to float, {@code b / 255f} as the peers compute it; a table lookup is 3x faster. */
  private static final float[] PIXELS = new float[256];

  static {
    for (int i = 0; i < PIXELS.length; i++) {
      PIXELS[i] = i / 255f;
    }
  }

  private FashionMnistMlp() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    BenchOptions options = BenchOptions.parse(args);
    Path dir = options.dataDir();
    IdxFile trainX = IdxFile.read(dir.resolve("train-images-idx3-ubyte.gz"));
    IdxFile trainY = IdxFile.read(dir.resolve("train-labels-idx1-ubyte.gz"));
    IdxFile testX = IdxFile.read(dir.resolve("t10k-images-idx3-ubyte.gz"));
    IdxFile testY = IdxFile.read(dir.resolve("t10k-labels-idx1-ubyte.gz"));
    Ops ops = Ops.get();
    System.out.printf(Locale.ROOT, "kiln: blas=%s threads=%d data: train %d x %d, test %d%n",
        ops.backend(), ops.pool().threads(), trainX.count(), trainX.itemSize(), testX.count());

    Model<Floats, Floats> model = Chain.create(
        Relu.create(256, 0.2), Relu.create(256, 0.2), Softmax.create());
    Floats sampleX = toFloats(trainX, identity(5), 0, 5, Floats.zeros(5, 784));
    Floats sampleY = Floats.zeros(5, 10);
    for (int i = 0; i < 5; i++) {
      sampleY.set(i, trainY.data()[i], 1f);
    }
    model.initialize(sampleX, sampleY, options.seed());
    System.out.println(model.paramSummary());
    Adam adam = new Adam(0.001,
        OptimizerOptions.defaults().withGradClip(0).withL2(0, true).withAverages(false));
    CategoricalCrossentropy loss = new CategoricalCrossentropy();

    int n = trainX.count();
    int batch = options.batchSize();
    int[] order = identity(n);
    Rng shuffle = Rng.derive(options.seed(), "shuffle");
    Floats full = Floats.zeros(batch, 784);
    Floats tail = Floats.zeros(n % batch == 0 ? batch : n % batch, 784);
    int[] labels = new int[batch];
    int[] tailLabels = new int[tail.rows()];
    List<Double> rates = new ArrayList<>();
    double acc = 0;
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      shuffle.shuffle(order);
      long start = System.nanoTime();
      double lossSum = 0;
      long updateNanos = 0;
      for (int from = 0; from < n; from += batch) {
        int size = Math.min(batch, n - from);
        Floats x = toFloats(trainX, order, from, size, size == batch ? full : tail);
        int[] y = size == batch ? labels : tailLabels;
        for (int i = 0; i < size; i++) {
          y[i] = trainY.data()[order[from + i]];
        }
        ForwardResult<Floats, Floats> result = model.beginUpdate(x);
        var grad = loss.compute(result.output(), Ints.of(y));
        lossSum += grad.loss();
        Backprop<Floats, Floats> backprop = result.backprop();
        backprop.accumulate(grad.gradient());
        long beforeUpdate = System.nanoTime();
        model.finishUpdate(adam);
        updateNanos += System.nanoTime() - beforeUpdate;
      }
      double secs = (System.nanoTime() - start) / 1e9;
      double rate = n / secs;
      rates.add(rate);
      acc = evaluate(model, testX, testY);
      System.out.printf(Locale.ROOT,
          "epoch %d: train_seconds=%.3f (optimizer %.3f) examples_per_s=%.0f loss=%.4f "
              + "test_acc=%.4f heap_peak_mb=%.1f%n", epoch, secs, updateNanos / 1e9, rate, lossSum,
          acc, peakHeapMb());
    }
    double median = median(rates.subList(rates.size() > 1 ? 1 : 0, rates.size()));
    double gflops = median * FLOPS_PER_EXAMPLE / 1e9;
    if (options.withPeers()) {
      Peers.run(options.epochs(), median);
    }
    System.out.printf(Locale.ROOT, "examples_per_s=%.0f test_acc=%.4f gemm_gflops=%.1f%n",
        median, acc, gflops);
  }

  private static double evaluate(Model<Floats, Floats> model, IdxFile x, IdxFile y) {
    int n = x.count();
    int batch = 1000;
    int[] order = identity(n);
    Floats buffer = Floats.zeros(batch, x.itemSize());
    int correct = 0;
    for (int from = 0; from < n; from += batch) {
      int size = Math.min(batch, n - from);
      Floats probs = model.predict(toFloats(x, order, from, size,
          size == batch ? buffer : Floats.zeros(size, x.itemSize())));
      for (int i = 0; i < size; i++) {
        int best = 0;
        for (int j = 1; j < probs.cols(); j++) {
          if (probs.get(i, j) > probs.get(i, best)) {
            best = j;
          }
        }
        correct += best == y.data()[from + i] ? 1 : 0;
      }
    }
    return (double) correct / n;
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

  /** The sum of the heap pools' peak usage since start, in MB. */
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
