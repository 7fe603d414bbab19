package dev.kiln.nn.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ints;
import dev.kiln.nn.array.Padded;
import dev.kiln.nn.array.Ragged;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceOpsTest {
  private static Floats column(float... values) {
    return Floats.of(values, values.length, 1);
  }

  @Test
  void seq2colWindowsStopAtSequenceEnds() {
    Floats x = column(1, 2, 3, 4, 5);
    Floats y = SequenceOps.seq2col(x, 1, Ints.of(new int[] {2, 3}));
    assertThat(y.shape()).containsExactly(5, 3);
    assertThat(y.data()).containsExactly(
        0, 1, 2,
        1, 2, 0,
        0, 3, 4,
        3, 4, 5,
        4, 5, 0);
    Floats dX = SequenceOps.backpropSeq2col(Floats.of(new float[15]).reshape(5, 3)
        .copy(), 1, Ints.of(new int[] {2, 3}));
    assertThat(dX.shape()).containsExactly(5, 1);
    float[] ones = new float[15];
    java.util.Arrays.fill(ones, 1f);
    // Each row is counted once per window it appears in.
    assertThat(SequenceOps.backpropSeq2col(Floats.of(ones, 5, 3), 1, Ints.of(new int[] {2, 3}))
        .data()).containsExactly(2, 2, 2, 3, 2);
  }

  @Test
  void seq2colSplitOverThreadsGivesTheSameBits() {
    // Chunks of rows start inside sequences and next to empty ones.
    Ints lengths = Ints.of(new int[] {0, 5, 1, 70, 0, 3, 130, 0});
    java.util.Random random = new java.util.Random(7);
    float[] values = new float[209 * 3];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    Floats x = Floats.of(values, 209, 3);
    WorkPool one = new WorkPool(1);
    WorkPool four = new WorkPool(4);
    for (int nW = 1; nW <= 2; nW++) {
      Floats y = SequenceOps.seq2col(x, nW, lengths, one);
      assertThat(SequenceOps.seq2col(x, nW, lengths, four).data()).containsExactly(y.data());
      assertThat(SequenceOps.backpropSeq2col(y, nW, lengths, four).data())
          .containsExactly(SequenceOps.backpropSeq2col(y, nW, lengths, one).data());
    }
  }

  @Test
  void flattenAndUnflattenSplitOverThreadsRoundTrip() {
    // Long and empty sequences, empty ones last, so tasks start and end inside sequences.
    int[] lengths = {0, 3000, 1, 0, 1999, 0};
    java.util.Random random = new java.util.Random(3);
    List<Floats> seqs = new java.util.ArrayList<>();
    for (int length : lengths) {
      float[] values = new float[length * 2];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) random.nextGaussian();
      }
      seqs.add(Floats.of(values, length, 2));
    }
    WorkPool four = new WorkPool(4);
    Ragged flat = SequenceOps.flatten(seqs, four);
    assertThat(flat.lengths().data()).containsExactly(lengths);
    assertThat(flat.data().data())
        .containsExactly(SequenceOps.flatten(seqs, new WorkPool(1)).data().data());
    List<Floats> back = SequenceOps.unflatten(flat);
    assertThat(back).hasSize(lengths.length);
    for (int i = 0; i < lengths.length; i++) {
      assertThat(back.get(i).shape()).containsExactly(lengths[i], 2);
      assertThat(back.get(i).data()).containsExactly(seqs.get(i).data());
    }
  }

  @Test
  void reductionsPerSequenceWithAnEmptyOne() {
    Ragged x = new Ragged(Floats.of(new float[] {1, 5, 3, -2, 4, 0}, 3, 2),
        Ints.of(new int[] {2, 0, 1}));
    assertThat(SequenceOps.reduceSum(x).data()).containsExactly(4, 3, 0, 0, 4, 0);
    assertThat(SequenceOps.reduceMean(x).data()).containsExactly(2, 1.5f, 0, 0, 4, 0);
    SequenceOps.MaxResult max = SequenceOps.reduceMax(x);
    assertThat(max.max().data()).containsExactly(3, 5, 0, 0, 4, 0);
    Floats dX = SequenceOps.backpropReduceMax(Floats.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2),
        max.which(), 3);
    assertThat(dX.data()).containsExactly(0, 2, 1, 0, 5, 6);
  }

  @Test
  void padAndUnpadRoundTrip() {
    List<Floats> seqs = List.of(Floats.of(new float[] {1, 2}, 1, 2),
        Floats.of(new float[] {3, 4, 5, 6}, 2, 2));
    Padded padded = SequenceOps.pad(seqs);
    assertThat(padded.data().shape()).containsExactly(2, 2, 2);
    assertThat(padded.data().data()).containsExactly(1, 2, 0, 0, 3, 4, 5, 6);
    List<Floats> back = SequenceOps.unpad(padded);
    assertThat(back.get(0).data()).containsExactly(1, 2);
    assertThat(back.get(1).data()).containsExactly(3, 4, 5, 6);
    Ragged flat = SequenceOps.flatten(seqs);
    assertThat(flat.lengths().data()).containsExactly(1, 2);
    assertThat(SequenceOps.unflatten(flat).get(1).data()).containsExactly(3, 4, 5, 6);
  }

  @Test
  void anUnreadListFlattensBackToItsRaggedAndAReadOneCopiesWhatWasChanged() {
    Ragged flat = new Ragged(Floats.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2),
        Ints.of(new int[] {1, 0, 2}));
    List<Floats> unread = SequenceOps.unflatten(flat);
    assertThat(SequenceOps.flatten(unread)).isSameAs(flat);

    List<Floats> read = SequenceOps.unflatten(flat);
    Floats last = read.get(2);
    assertThat(last.shape()).containsExactly(2, 2);
    assertThat(read.get(2)).isSameAs(last);
    last.data()[0] = 30;
    assertThat(flat.data().data()[2]).isEqualTo(3);
    Ragged again = SequenceOps.flatten(read);
    assertThat(again).isNotSameAs(flat);
    assertThat(again.lengths().data()).containsExactly(1, 0, 2);
    assertThat(again.data().data()).containsExactly(1, 2, 30, 4, 5, 6);
  }
}
