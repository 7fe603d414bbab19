package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.bench.FashionMnistMlp;
import dev.kiln.nn.io.ModelWeights;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln train examples/fashion-mnist/config.cfg} and the bare engine loop of
 * {@code bench/fashion-mnist-mlp} train the same weights at the same seed, byte for byte. So
 * {@code bench/train-overhead} times the same work done two ways, and the whole config path
 * (reader, batcher, classifier, loop) changes nothing in the arithmetic.
 */
class BenchParityTest {
  @TempDir Path dir;

  @Test
  void kilnTrainTrainsTheEngineBenchsWeights() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path data = root.resolve("examples/fashion-mnist-small/data");
    // 5,000 images in batches of 128: 40 steps an epoch, the last one of 8 images.
    KilnRun train = KilnRun.of("train", root.resolve("examples/fashion-mnist/config.cfg")
        .toString(), "--output", dir.resolve("run").toString(), "--paths.data", data.toString(),
        "--training.max_epochs", "2", "--training.eval_frequency", "40",
        "--corpora.dev.limit", "100");
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.out()).contains("Stopped: max_epochs (80 steps");

    Path engine = dir.resolve("engine.safetensors");
    ModelWeights.save(FashionMnistMlp.train(data, 2, 0), engine);

    assertThat(engine).hasSameBinaryContentAs(
        dir.resolve("run/model-last/classifier/weights.safetensors"));
  }
}
