package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.nn.Model;
import dev.kiln.nn.Rng;
import dev.kiln.nn.array.Floats;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** What the image layers compute, checked against direct loops, and their coded errors. */
class ImageLayersTest {
  private final Rng rng = new Rng(5);

  /** The convolution written as its definition: a sum over every window position. */
  private static float[] directConvolution(Floats x, Floats w, Floats b, int stride,
      int padding) {
    int n = x.dim(0);
    int h = x.dim(1);
    int wd = x.dim(2);
    int c = x.dim(3);
    int nO = w.dim(0);
    int size = w.dim(1);
    int outH = (h + 2 * padding - size) / stride + 1;
    int outW = (wd + 2 * padding - size) / stride + 1;
    float[] out = new float[n * outH * outW * nO];
    for (int i = 0; i < n; i++) {
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          for (int o = 0; o < nO; o++) {
            double sum = b.get(o);
            for (int ky = 0; ky < size; ky++) {
              for (int kx = 0; kx < size; kx++) {
                int iy = oy * stride - padding + ky;
                int ix = ox * stride - padding + kx;
                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) {
                  continue;
                }
                for (int ch = 0; ch < c; ch++) {
                  sum += x.get(((i * h + iy) * wd + ix) * c + ch)
                      * w.get(((o * size + ky) * size + kx) * c + ch);
                }
              }
            }
            out[((i * outH + oy) * outW + ox) * nO + o] = (float) sum;
          }
        }
      }
    }
    return out;
  }

  @Test
  void conv2dComputesTheDirectConvolutionWithStrideAndPadding() {
    Floats x = Structures.gaussian(rng, 1, 2, 7 * 6 * 3).reshape(2, 7, 6, 3);
    Model<Floats, Floats> conv = Conv2d.create(4, null, 3, 2, 1, "linear", null,
        dev.kiln.nn.init.Initializers.uniformInit(-1, 1)).initialize(x, null, 9);
    Floats y = conv.predict(x);
    assertThat(y.shape()).containsExactly(2, 4, 3, 4);
    assertThat(y.data()).containsExactly(directConvolution(x, conv.getParam("W"),
        conv.getParam("b"), 2, 1), Offset.offset(1e-5f));

    Model<Floats, Floats> relu = Conv2d.create(4, null, 3, 2, 1, "relu", null, null);
    relu.initialize(x, null, 9);
    relu.setParam("W", conv.getParam("W"));
    relu.setParam("b", conv.getParam("b"));
    float[] expected = directConvolution(x, conv.getParam("W"), conv.getParam("b"), 2, 1);
    for (int i = 0; i < expected.length; i++) {
      expected[i] = Math.max(expected[i], 0f);
    }
    assertThat(relu.predict(x).data()).containsExactly(expected, Offset.offset(1e-5f));
  }

  @Test
  void conv2dPassesInterleavedWithOthersGiveTheGradientsOfPassesRunOneAtATime() {
    // The layer reuses its windows' and gradients' buffers from one step to the next; passes
    // that overlap (two forward passes before their backward passes, predictions in between, a
    // second backward pass) must not see each other's values.
    for (String activation : new String[] {"linear", "relu"}) {
      Floats a = Structures.gaussian(rng, 1, 2, 6 * 5 * 3).reshape(2, 6, 5, 3);
      Floats b = Structures.gaussian(rng, 1, 2, 6 * 5 * 3).reshape(2, 6, 5, 3);
      Floats dYa = Structures.gaussian(rng, 1, 2, 6 * 5 * 4).reshape(2, 6, 5, 4);
      Floats dYb = Structures.gaussian(rng, 1, 2, 6 * 5 * 4).reshape(2, 6, 5, 4);
      Model<Floats, Floats> interleaved = Conv2d.create(4, null, 3, 1, 1, activation, null, null)
          .initialize(a, null, 3);
      interleaved.predict(b);
      var passA = interleaved.beginUpdate(a);
      var passB = interleaved.beginUpdate(b);
      interleaved.predict(a);
      Floats dXb = passB.backprop().apply(dYb);
      interleaved.predict(b);
      Floats dXa = passA.backprop().apply(dYa);
      passA.backprop().apply(dYb);

      Model<Floats, Floats> oneAtATime = Conv2d.create(4, null, 3, 1, 1, activation, null, null)
          .initialize(a, null, 3);
      Floats expectedB = oneAtATime.beginUpdate(b).backprop().apply(dYb);
      Floats expectedA = oneAtATime.beginUpdate(a).backprop().apply(dYa);
      oneAtATime.beginUpdate(a).backprop().apply(dYb);
      assertThat(dXb.data()).containsExactly(expectedB.data());
      assertThat(dXa.data()).containsExactly(expectedA.data());
      assertThat(interleaved.grad("W").data()).containsExactly(oneAtATime.grad("W").data());
      assertThat(interleaved.grad("b").data()).containsExactly(oneAtATime.grad("b").data());
    }
  }

  @Test
  void poolingTakesTheMaximumOrMeanOfEachWindowPerChannel() {
    // One 4×4 image of two channels: channel 0 counts up, channel 1 counts down.
    float[] values = new float[32];
    for (int i = 0; i < 16; i++) {
      values[2 * i] = i;
      values[2 * i + 1] = -i;
    }
    Floats x = Floats.of(values, 1, 4, 4, 2);
    assertThat(MaxPool2d.create(2, null).predict(x).data())
        .containsExactly(5, 0, 7, -2, 13, -8, 15, -10);
    assertThat(AvgPool2d.create(2, null).predict(x).data())
        .containsExactly(2.5f, -2.5f, 4.5f, -4.5f, 10.5f, -10.5f, 12.5f, -12.5f);
    assertThat(MaxPool2d.create(3, 1).predict(x).shape()).containsExactly(1, 2, 2, 2);
  }

  @Test
  void branchFreeTwoByTwoPoolingPicksTheSameWinnersAsTheGeneralLoop() {
    // Few distinct values and both signed zeros, so most windows hold ties.
    float[] values = {-1f, -0f, 0f, 0.5f, 2f};
    int height = 6;
    int width = 8;
    int channels = 5;
    float[] in = new float[height * width * channels];
    for (int i = 0; i < in.length; i++) {
      in[i] = values[rng.nextInt(values.length)];
    }
    int outputs = (height / 2) * (width / 2) * channels;
    float[] generalOut = new float[outputs];
    int[] generalWinners = new int[outputs];
    float[] fastOut = new float[outputs];
    int[] fastWinners = new int[outputs];
    for (int oy = 0; oy < height / 2; oy++) {
      for (int ox = 0; ox < width / 2; ox++) {
        int o = (oy * (width / 2) + ox) * channels;
        int corner = (2 * oy * width + 2 * ox) * channels;
        MaxPool2d.poolPixel(in, corner, width * channels, 2, channels, generalOut,
            generalWinners, o);
        MaxPool2d.poolPixel2(in, corner, width * channels, channels, fastOut, fastWinners, o);
      }
    }
    assertThat(fastWinners).containsExactly(generalWinners);
    assertThat(fastOut).containsExactly(generalOut);
  }

  @Test
  void reshapeAndFlattenKeepTheRowMajorOrder() {
    Floats rows = Structures.gaussian(rng, 1, 2, 12);
    Floats images = Reshape.create(2, 3, 2).predict(rows);
    assertThat(images.shape()).containsExactly(2, 2, 3, 2);
    assertThat(images.data()).isSameAs(rows.data());
    assertThat(Flatten.create().predict(images).shape()).containsExactly(2, 12);
  }

  @Test
  void inputNormGivesEachRowZeroMeanAndUnitVariance() {
    Floats y = InputNorm.create().predict(Structures.gaussian(rng, 3, 3, 50));
    for (int row = 0; row < 3; row++) {
      double mean = 0;
      double square = 0;
      for (int j = 0; j < 50; j++) {
        mean += y.get(row, j) / 50.0;
        square += y.get(row, j) * (double) y.get(row, j) / 50.0;
      }
      assertThat(mean).isCloseTo(0, Offset.offset(1e-5));
      assertThat(square).isCloseTo(1, Offset.offset(1e-4));
    }
  }

  @Test
  void mismatchedShapesAndOptionsAreCodedErrors() {
    Floats rows = Structures.gaussian(rng, 1, 2, 12);
    assertThatThrownBy(() -> Reshape.create(2, 2, 2).predict(rows))
        .hasMessageStartingWith("[E109]").hasMessageContaining("2×2×2");
    Floats small = Structures.gaussian(rng, 1, 1, 4).reshape(1, 2, 2, 1);
    assertThatThrownBy(() -> MaxPool2d.create(3, null).predict(small))
        .hasMessageStartingWith("[E108]").hasMessageContaining("2×2 pixels");
    assertThatThrownBy(() -> Conv2d.create(2, null, 3, 1, 0, "tanh", null, null))
        .hasMessageStartingWith("[E110]").hasMessageContaining("relu");
    assertThatThrownBy(() -> Conv2d.create(2, null, 3, 0, 0, "relu", null, null))
        .hasMessageStartingWith("[E106]").hasMessageContaining("stride");
    assertThatThrownBy(() -> MaxPool2d.create(2, null).predict(rows))
        .hasMessageStartingWith("[E105]").hasMessageContaining("4-d");
  }
}
