package dev.kiln.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Conv2d;
import dev.kiln.nn.layers.Flatten;
import dev.kiln.nn.layers.InputNorm;
import dev.kiln.nn.layers.MaxPool2d;
import dev.kiln.nn.layers.Reshape;
import dev.kiln.nn.layers.Relu;
import dev.kiln.nn.layers.Softmax;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelWeightsTest {
  @TempDir Path dir;

  private static Model<Floats, Floats> mlp(int hidden) {
    return Chain.create(Relu.create(hidden, 0.5), Softmax.create());
  }

  private static Floats input() {
    float[] values = new float[4 * 6];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 7 % 11) / 11f;
    }
    return Floats.of(values, 4, 6);
  }

  @Test
  void aModelBuiltFromTheSameConfigLoadsExactlyTheSavedWeightsAndRandomStreams() {
    Model<Floats, Floats> trained = mlp(8).initialize(input(), Floats.zeros(4, 3), 42);
    trained.beginUpdate(input());
    Path file = dir.resolve("weights.safetensors");
    ModelWeights.save(trained, file);

    Model<Floats, Floats> loaded = mlp(8);
    ModelWeights.load(loaded, file);

    assertThat(loaded.predict(input()).data()).containsExactly(trained.predict(input()).data());
    // Same random streams: the next training pass drops out the same units.
    assertThat(loaded.beginUpdate(input()).output().data()).containsExactly(trained.beginUpdate(input()).output().data());
  }

  /** Channels, kernels and the output width are left for initialize to infer, so only the file has them. */
  private static Model<Floats, Floats> cnn() {
    return Chain.<Floats, Floats>create(InputNorm.create(), Reshape.create(6, 6, null),
        Conv2d.create(null, null, 3, 1, 1, "relu", null, null), MaxPool2d.create(2, null),
        Flatten.create(), Softmax.create());
  }

  @Test
  void aConvolutionalModelKeepsItsInferredDimsAndWindowsThroughSaveAndLoad() {
    float[] values = new float[4 * 72];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 7 % 13) / 13f;
    }
    Floats x = Floats.of(values, 4, 72);
    Model<Floats, Floats> conv = Conv2d.create(5, null, 3, 1, 1, "relu", null, null);
    Model<Floats, Floats> trained = Chain.<Floats, Floats>create(InputNorm.create(), Reshape.create(6, 6, null),
        conv, MaxPool2d.create(2, null), Flatten.create(), Softmax.create())
        .initialize(x, Floats.zeros(4, 3), 7);
    Path file = dir.resolve("cnn.safetensors");
    ModelWeights.save(trained, file);

    Model<Floats, Floats> loaded = cnn();
    ModelWeights.load(loaded, file);

    assertThat(loaded.predict(x).data()).containsExactly(trained.predict(x).data());
    assertThat(loaded.paramsByKey().get("chain/2-conv2d:W").shape()).containsExactly(5, 3, 3, 2);
  }

  @Test
  void weightsOfAnotherShapeAreACodedError() {
    Path file = dir.resolve("weights.safetensors");
    ModelWeights.save(mlp(8).initialize(input(), Floats.zeros(4, 3), 1), file);
    assertThatThrownBy(() -> ModelWeights.load(mlp(16), file)).hasMessageStartingWith("[E120]").hasMessageContaining("Floats[16, 6]");
  }
}
