package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.array.Ragged;
import dev.kiln.nn.init.Initializers;
import dev.kiln.nn.ops.SequenceOps;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finite-difference gradient checks for every layer with parameters or a backward pass. */
class GradientCheckTest {
  private static final double TOLERANCE = 2e-2;
  private final Rng rng = new Rng(7);

  private Floats x(int rows, int cols) {
    return Structures.gaussian(rng, 1, rows, cols);
  }

  private static <I, O> Model<I, O> init(Model<I, O> model, I x) {
    return model.initialize(x, null, 3);
  }

  @Test
  void linear() {
    Floats x = x(4, 5);
    GradientCheck.check(init(Linear.create(3, null, null, Initializers.uniformInit(-1, 1)), x),
        x, true, TOLERANCE);
  }

  @Test
  void relu() {
    Floats x = x(4, 5);
    GradientCheck.check(init(Relu.create(6, null, null, null, null, false), x), x, true,
        TOLERANCE);
  }

  @Test
  void reluWithDropout() {
    // The fused ReLU-dropout pass (ReluDropout); positive biases keep most outputs alive.
    Floats x = x(4, 5);
    GradientCheck.check(init(Relu.create(6, null, null, Initializers.uniformInit(0.5, 1), 0.3,
        false), x), x, true, TOLERANCE);
  }

  @Test
  void reluWithNormalizeAndDropout() {
    // Positive biases keep every row of ReLU outputs away from all-zeros, where LayerNorm
    // divides by sqrt(1e-8) and finite differences are meaningless.
    Floats x = x(4, 5);
    GradientCheck.check(init(Relu.create(6, null, null, Initializers.uniformInit(0.5, 1), 0.3,
        true), x), x, true, TOLERANCE);
  }

  @Test
  void sigmoid() {
    Floats x = x(4, 5);
    GradientCheck.check(init(Sigmoid.create(3, null, Initializers.glorotUniform(),
        Initializers.uniformInit(-1, 1)), x), x, true, TOLERANCE);
  }

  @Test
  void gelu() {
    Floats x = x(4, 5);
    GradientCheck.check(init(Gelu.create(3, null, null, null, null, false), x), x, true,
        TOLERANCE);
  }

  @Test
  void swish() {
    Floats x = x(4, 5);
    GradientCheck.check(init(Swish.create(3, null, null, null, null, false), x), x, true,
        TOLERANCE);
  }

  @Test
  void maxout() {
    Floats x = x(4, 5);
    // Biases spread the pieces apart so no perturbation flips which piece is the max.
    GradientCheck.check(init(Maxout.create(3, null, 2, null, Initializers.uniformInit(-4, 4),
        null, false), x), x, true, TOLERANCE);
  }

  @Test
  void maxoutOfThreePieces() {
    // Three pieces take Maxout's own arg-max path.
    Floats x = x(4, 5);
    GradientCheck.check(init(Maxout.create(3, null, 3, null, Initializers.uniformInit(-4, 4),
        null, false), x), x, true, TOLERANCE);
  }

  @Test
  void maxoutNormalized() {
    // The fused Maxout and LayerNorm (MaxoutNorm).
    Floats x = x(4, 5);
    GradientCheck.check(init(Maxout.create(3, null, 3, null, Initializers.uniformInit(-4, 4),
        null, true), x), x, true, TOLERANCE);
  }

  @Test
  void layerNorm() {
    Floats x = x(3, 6);
    Model<Floats, Floats> model = init(LayerNorm.create(null), x);
    // Non-trivial scale and shift, so their gradients matter.
    model.setParam("G", Structures.gaussian(rng, 1, 1, 6).reshape(6));
    model.setParam("b", Structures.gaussian(rng, 1, 1, 6).reshape(6));
    GradientCheck.check(model, x, true, TOLERANCE);
  }

  @Test
  void dropout() {
    Floats x = x(4, 5);
    GradientCheck.check(init(Dropout.<Floats>create(0.4), x), x, true, TOLERANCE);
  }

  @Test
  void dropoutOnRagged() {
    Ragged x = Structures.ragged(rng, 3, 2, 3);
    GradientCheck.check(init(Dropout.<Ragged>create(0.4), x), x, true, TOLERANCE);
    List<Floats> list = Structures.list(rng, 3, 2, 3);
    GradientCheck.check(init(Dropout.<List<Floats>>create(0.4), list), list, true, TOLERANCE);
    var padded = SequenceOps.pad(list);
    GradientCheck.check(init(Dropout.<dev.kiln.nn.array.Padded>create(0.4), padded), padded,
        true, TOLERANCE);
  }

  @Test
  void embedAndHashEmbedTables() {
    Ints ids = Ints.of(new int[] {0, 3, 1, 3});
    GradientCheck.check(init(Embed.create(4, 5, null, null, 0.25), ids), ids, false, TOLERANCE);
    GradientCheck.check(init(HashEmbed.create(4, 7, 1, null, null, null), ids), ids, false,
        TOLERANCE);
  }

  @Test
  void chain() {
    Floats x = x(4, 5);
    GradientCheck.check(init(Chain.create(Relu.create(6, null, null, null, null, false),
        Linear.create(2)), x), x, true, TOLERANCE);
  }

  @Test
  void concatenateAddResidualClone() {
    Floats x = x(4, 5);
    GradientCheck.check(init(Concatenate.create(Linear.create(2), Gelu.create(3, null, null,
        null, null, false)), x), x, true, TOLERANCE);
    GradientCheck.check(init(Add.create(Linear.create(3), Linear.create(3)), x), x, true,
        TOLERANCE);
    GradientCheck.check(init(Residual.create(Linear.create(5)), x), x, true, TOLERANCE);
    GradientCheck.check(init(Clone.create(Linear.create(5), 2), x), x, true, TOLERANCE);
  }

  @Test
  void sequenceAdapters() {
    List<Floats> list = Structures.list(rng, 3, 2, 1, 3);
    GradientCheck.check(init(Chain.create(SequenceLayers.list2ragged(),
        WithArray.create(Linear.create(2), 0), SequenceLayers.ragged2list()), list), list,
        true, TOLERANCE);
    GradientCheck.check(init(WithArray.create(Linear.create(2), 0), list), list, true,
        TOLERANCE);
    GradientCheck.check(init(Chain.create(SequenceLayers.list2padded(),
        WithArray.create(Linear.create(2), 0), SequenceLayers.padded2list()), list), list,
        true, TOLERANCE);
    GradientCheck.check(init(Chain.create(SequenceLayers.list2array(), Linear.create(2)), list),
        list, true, TOLERANCE);
    GradientCheck.check(init(WithSequenceForm.withRagged(WithArray.create(Linear.create(2), 0)),
        list), list, true, TOLERANCE);
    GradientCheck.check(init(WithSequenceForm.withPadded(WithArray.create(Linear.create(2), 0)),
        list), list, true, TOLERANCE);
    Ragged ragged = Structures.ragged(rng, 3, 2, 3);
    GradientCheck.check(init(WithSequenceForm.withList(WithArray.create(Linear.create(2), 0)),
        ragged), ragged, true, TOLERANCE);
  }

  @Test
  void parametricAttentionWithALearnedQuery() {
    Ragged x = Structures.ragged(rng, 3, 2, 1, 4);
    Model<Ragged, Ragged> attention = init(ParametricAttention.create(null), x);
    // Q starts at zero (uniform attention); a random one checks the softmax's gradient too.
    float[] q = attention.getParam("Q").data();
    for (int j = 0; j < q.length; j++) {
      q[j] = (float) rng.nextGaussian();
    }
    GradientCheck.check(attention, x, true, TOLERANCE);
    GradientCheck.check(init(Chain.<Ragged, Floats>create(ParametricAttention.create(null),
        SequenceLayers.reduceSum()), x), x, true, TOLERANCE);
  }

  @Test
  void reductionsAndWindows() {
    Ragged x = Structures.ragged(rng, 3, 2, 0, 4);
    GradientCheck.check(init(SequenceLayers.reduceSum(), x), x, true, TOLERANCE);
    GradientCheck.check(init(SequenceLayers.reduceMean(), x), x, true, TOLERANCE);
    GradientCheck.check(init(SequenceLayers.reduceMax(), x), x, true, TOLERANCE);
    GradientCheck.check(init(SequenceLayers.<Ragged>expandWindow(1), x), x, true, TOLERANCE);
    Floats flat = x(4, 2);
    GradientCheck.check(init(SequenceLayers.<Floats>expandWindow(2), flat), flat, true,
        TOLERANCE);
  }

  @Test
  void softmaxBackpropTakesTheLogitGradientLikeLinear() {
    // Softmax's backprop receives d(loss)/d(logits) (cross-entropy's guesses - truths), so its
    // gradients must equal those of the linear layer computing the logits.
    Floats x = x(4, 5);
    Model<Floats, Floats> softmax = init(Softmax.create(3, null, Initializers.glorotUniform(),
        Initializers.uniformInit(-1, 1)), x);
    Model<Floats, Floats> linear = init(Linear.create(3), x);
    linear.setParam("W", softmax.getParam("W").copy());
    linear.setParam("b", softmax.getParam("b").copy());
    ForwardResult<Floats, Floats> s = softmax.beginUpdate(x);
    ForwardResult<Floats, Floats> l = linear.beginUpdate(x);
    Floats expected = l.output().copy();
    dev.kiln.nn.ops.Kernels.softmaxRows(expected.data(), 4, 3);
    assertThat(s.output().data()).containsExactly(expected.data(),
        org.assertj.core.data.Offset.offset(1e-6f));
    Floats dZ = x(4, 3);
    Floats dXs = s.backprop().apply(dZ);
    Floats dXl = l.backprop().apply(dZ);
    assertThat(dXs.data()).containsExactly(dXl.data());
    assertThat(softmax.grad("W").data()).containsExactly(linear.grad("W").data());
    assertThat(softmax.grad("b").data()).containsExactly(linear.grad("b").data());
    GradientCheck.check(linear, x, true, TOLERANCE);
  }

  @Test
  void softmaxMatchesFiniteDifferencesOfCrossEntropy() {
    Floats x = x(4, 5);
    Model<Floats, Floats> softmax = init(Softmax.create(3, null, Initializers.glorotUniform(),
        Initializers.uniformInit(-1, 1)), x);
    int[] labels = {0, 2, 1, 2};
    ForwardResult<Floats, Floats> r = softmax.beginUpdate(x);
    Floats dZ = r.output().copy();
    for (int i = 0; i < labels.length; i++) {
      dZ.set(i, labels[i], dZ.get(i, labels[i]) - 1);
    }
    float[] dX = r.backprop().apply(dZ).data();
    List<float[]> analytic = List.of(dX, softmax.grad("W").data(), softmax.grad("b").data());
    List<float[]> targets = List.of(x.data(), softmax.getParam("W").data(),
        softmax.getParam("b").data());
    List<float[]> numeric = new java.util.ArrayList<>();
    for (float[] target : targets) {
      float[] grad = new float[target.length];
      for (int i = 0; i < target.length; i++) {
        float saved = target[i];
        target[i] = saved + 1e-2f;
        double plus = crossEntropy(softmax.predict(x), labels);
        target[i] = saved - 1e-2f;
        double minus = crossEntropy(softmax.predict(x), labels);
        target[i] = saved;
        grad[i] = (float) ((plus - minus) / 2e-2);
      }
      numeric.add(grad);
    }
    assertThat(GradientCheck.compare(analytic, numeric)).isLessThan(TOLERANCE);
  }

  private static double crossEntropy(Floats probs, int[] labels) {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      sum -= Math.log(probs.get(i, labels[i]));
    }
    return sum;
  }

  private Floats images(int n, int height, int width, int channels) {
    return x(n, height * width * channels).reshape(n, height, width, channels);
  }

  /** Images whose values are all at least 0.05 apart, so no finite step changes a maximum. */
  private Floats distinctImages(int n, int height, int width, int channels) {
    int size = n * height * width * channels;
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = 0.05f * i - 1f;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = (int) (rng.nextLong() >>> 33) % (i + 1);
      float t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
    return Floats.of(values, n, height, width, channels);
  }

  @Test
  void conv2dLinearWithPaddingAndStride() {
    Floats x = images(2, 5, 5, 2);
    GradientCheck.check(init(Conv2d.create(3, null, 3, 2, 1, "linear", null,
        Initializers.uniformInit(-1, 1)), x), x, true, TOLERANCE);
  }

  @Test
  void conv2dWithRelu() {
    Floats x = images(2, 4, 4, 3);
    // Small kernels and large biases keep every pre-activation away from ReLU's kink, where
    // finite differences are meaningless; the negative biases switch two filters off.
    Model<Floats, Floats> model = init(Conv2d.create(4, null, 2, 1, 0, "relu",
        Initializers.uniformInit(-0.2, 0.2), null), x);
    model.setParam("b", Floats.of(new float[] {2f, -2f, 1.5f, -1.5f}));
    GradientCheck.check(model, x, true, TOLERANCE);
  }

  @Test
  void maxPool2dWithAndWithoutOverlap() {
    Floats x = distinctImages(2, 4, 4, 3);
    GradientCheck.check(init(MaxPool2d.create(2, null), x), x, true, TOLERANCE);
    GradientCheck.check(init(MaxPool2d.create(3, 1), x), x, true, TOLERANCE);
  }

  @Test
  void avgPool2dWithAndWithoutOverlap() {
    Floats x = images(2, 5, 5, 2);
    GradientCheck.check(init(AvgPool2d.create(2, null), x), x, true, TOLERANCE);
    GradientCheck.check(init(AvgPool2d.create(3, 1), x), x, true, TOLERANCE);
  }

  @Test
  void reshapeFlattenAndInputNorm() {
    Floats rows = x(3, 12);
    GradientCheck.check(init(Chain.create(InputNorm.create(), Reshape.create(2, 3, null),
        Conv2d.create(2, null, 2, 1, 0, "linear", null, null), Flatten.create(),
        Linear.create(3)), rows), rows, true, TOLERANCE);
    GradientCheck.check(init(InputNorm.create(), rows), rows, true, TOLERANCE);
  }

  @Test
  void noopPassesGradientsThrough() {
    Floats x = x(3, 4);
    GradientCheck.check(init(Noop.<Floats>create(), x), x, true, TOLERANCE);
  }

  @Test
  void theHarnessCatchesAWrongGradient() {
    Floats x = x(3, 2);
    Model<Floats, Floats> wrong = Model.<Floats, Floats>builder("double_wrong",
        (model, in, isTrain) -> {
          Floats y = in.copy();
          dev.kiln.nn.ops.Kernels.scale(y.data(), 0, y.size(), 1, y.size(), 2f);
          return new ForwardResult<>(y, dY -> dY.copy());
        }).build();
    @SuppressWarnings("unchecked")
    var errors = GradientCheck.errors((Model<Object, Object>) (Model<?, ?>) wrong, x, true);
    assertThat(errors.get("input")).isGreaterThan(0.3);
    assertThat(SequenceOps.flatten(List.of(x)).size()).isEqualTo(1);
  }
}
