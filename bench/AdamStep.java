import dev.kiln.nn.optimizers.Adam;
import dev.kiln.nn.optimizers.OptimizerOptions;
import java.util.SplittableRandom;

/**
 * Throughput of one Adam update over a parameter the size of the Fashion-MNIST MLP's first layer
 * (784 x 256), with and without Thinc's default gradient clipping and averages.
 *
 * <p>Run after {@code mvn -q -B -o -pl kiln-nn -am compile}:
 * {@code java -cp kiln-nn/target/classes:kiln-config/target/classes bench/AdamStep.java}
 */
public class AdamStep {
  public static void main(String[] args) {
    int size = 784 * 256;
    run("Adam, no clip, no averages", new Adam(0.001,
        OptimizerOptions.defaults().withGradClip(0).withAverages(false)), size);
    run("Adam, Thinc defaults (clip 1.0, averages)", new Adam(0.001), size);
  }

  private static void run(String label, Adam adam, int size) {
    float[] weights = new float[size];
    float[] gradient = new float[size];
    float[] source = new float[size];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < size; i++) {
      weights[i] = (float) random.nextGaussian();
      source[i] = (float) random.nextGaussian() * 0.01f;
    }
    int warmup = 500;
    int measured = 2000;
    long start = 0;
    for (int step = 0; step < warmup + measured; step++) {
      if (step == warmup) {
        start = System.nanoTime();
      }
      System.arraycopy(source, 0, gradient, 0, size);
      adam.update("W", weights, gradient);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: %.3f ms per update, %.2f ns per value (includes a gradient copy)%n",
        label, seconds * 1e3 / measured, seconds * 1e9 / measured / size);
  }
}
