package dev.kiln.nn.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.array.Ragged;
import dev.kiln.nn.layers.LayerNorm;
import dev.kiln.nn.layers.Maxout;
import java.io.IOException;
import java.io.InputStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kiln's kernels against Thinc's results on the same inputs (src/test/python/ops_expectations.py). */
class ThincParityTest {
  private static final Offset<Float> CLOSE = Offset.offset(2e-5f);
  private static JsonNode thinc;
  private static Floats x;
  private static Floats dY;
  private static Ints lengths;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = ThincParityTest.class.getResourceAsStream("thinc-ops.json")) {
      thinc = new ObjectMapper().readTree(in);
    }
    x = Floats.of(floats("X"), 5, 4);
    dY = Floats.of(floats("dY"), 5, 4);
    lengths = Ints.of(new int[] {2, 0, 3});
  }

  private static float[] floats(String key) {
    JsonNode node = thinc.get(key);
    float[] out = new float[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) node.get(i).asDouble();
    }
    return out;
  }

  @Test
  void activations() {
    int n = x.size();
    float[] y = new float[n];
    float[] d = new float[n];
    Kernels.gelu(x.data(), y, n);
    assertThat(y).containsExactly(floats("gelu"), CLOSE);
    Kernels.geluBackward(dY.data(), x.data(), d, n);
    assertThat(d).containsExactly(floats("backprop_gelu"), CLOSE);
    Kernels.swish(x.data(), y, n);
    assertThat(y).containsExactly(floats("swish"), CLOSE);
    Kernels.swishBackward(dY.data(), x.data(), y, d, n);
    assertThat(d).containsExactly(floats("backprop_swish"), CLOSE);
    float[] s = x.data().clone();
    Kernels.sigmoid(s, n);
    assertThat(s).containsExactly(floats("sigmoid"), CLOSE);
    float[] soft = x.data().clone();
    Kernels.softmaxRows(soft, 5, 4);
    assertThat(soft).containsExactly(floats("softmax"), CLOSE);
  }

  @Test
  void sequenceOps() {
    Floats cols = SequenceOps.seq2col(x, 1, lengths);
    assertThat(cols.data()).containsExactly(floats("seq2col_nW1"), CLOSE);
    assertThat(SequenceOps.backpropSeq2col(cols, 1, lengths).data())
        .containsExactly(floats("backprop_seq2col_nW1"), CLOSE);
    Ragged ragged = new Ragged(x, lengths);
    assertThat(SequenceOps.reduceSum(ragged).data()).containsExactly(floats("reduce_sum"), CLOSE);
    assertThat(SequenceOps.reduceMean(ragged).data())
        .containsExactly(floats("reduce_mean"), CLOSE);
    Ragged noEmpty = new Ragged(x, Ints.of(new int[] {2, 3}));
    assertThat(SequenceOps.reduceMax(noEmpty).max().data())
        .containsExactly(floats("reduce_max"), CLOSE);
  }

  @Test
  void layerNormForwardAndBackward() {
    Model<Floats, Floats> ln = LayerNorm.create(4).initialize(x, null);
    ln.setParam("G", Floats.of(floats("layernorm_G")));
    ln.setParam("b", Floats.of(floats("layernorm_b")));
    ForwardResult<Floats, Floats> r = ln.beginUpdate(x);
    assertThat(r.output().data()).containsExactly(floats("layernorm"), Offset.offset(1e-4f));
    assertThat(r.backprop().apply(dY).data())
        .containsExactly(floats("layernorm_dX"), Offset.offset(1e-4f));
    assertThat(ln.grad("G").data()).containsExactly(floats("layernorm_dG"), Offset.offset(1e-4f));
  }

  @Test
  void maxoutForward() {
    Model<Floats, Floats> maxout = Maxout.create(3, null, 2, null, null, null, false)
        .initialize(x, null);
    maxout.setParam("W", Floats.of(floats("maxout_W"), 3, 2, 4));
    maxout.setParam("b", Floats.of(floats("maxout_b"), 3, 2));
    assertThat(maxout.predict(x).data()).containsExactly(floats("maxout"), CLOSE);
  }
}
