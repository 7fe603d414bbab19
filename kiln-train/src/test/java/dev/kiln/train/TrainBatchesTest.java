package dev.kiln.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.config.KilnException;
import dev.kiln.train.Scripted.Doc;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrainBatchesTest {
  private static final List<Example<Doc>> DATA = Scripted.examples(1, 2, 3, 4, 5, 6, 7);

  static TrainBatches<Doc> batches(Corpus<Doc> corpus, int maxEpochs, OptionalLong epochSize, BatchCursor start) {
    return new TrainBatches<>(corpus, Scripted.batchesOf(2), EpochLimit.fromConfig(maxEpochs), 11,
        epochSize, ProblemPolicy.ERROR, start);
  }

  /** Each batch as "epoch:id,id". */
  static List<String> describe(TrainBatches<Doc> batches, int limit) {
    List<String> out = new ArrayList<>();
    while (out.size() < limit && batches.hasNext()) {
      EpochBatch<Doc> batch = batches.next();
      StringBuilder text = new StringBuilder(batch.epoch() + ":");
      for (Example<Doc> example : batch.examples()) {
        text.append(example.predicted().id());
      }
      out.add(text.toString());
    }
    return out;
  }

  @Test
  void eachEpochIsADifferentSeededShuffleOfTheWholeCorpus() {
    List<String> all = describe(batches(() -> DATA, 2, OptionalLong.empty(), BatchCursor.START), 100);
    assertThat(all).hasSize(8);
    assertThat(all.subList(0, 4)).allMatch(b -> b.startsWith("0:"));
    assertThat(all.subList(4, 8)).allMatch(b -> b.startsWith("1:"));
    assertThat(String.join("", all.subList(0, 4)).replace("0:", "").chars().sorted().toArray())
        .isEqualTo("0123456".chars().toArray());
    assertThat(all.subList(0, 4)).isNotEqualTo(all.subList(4, 8));
    assertThat(describe(batches(() -> DATA, 2, OptionalLong.empty(), BatchCursor.START), 100)).isEqualTo(all);
  }

  @Test
  void resumingFromAnyCursorGivesTheSameRemainingBatches() {
    for (OptionalLong epochSize : List.of(OptionalLong.empty(), OptionalLong.of(3))) {
      List<String> all = describe(batches(() -> DATA, 3, epochSize, BatchCursor.START), 100);
      for (int cut = 0; cut <= all.size(); cut++) {
        TrainBatches<Doc> first = batches(() -> DATA, 3, epochSize, BatchCursor.START);
        describe(first, cut);
        BatchCursor cursor = first.cursor();
        List<String> rest = describe(batches(() -> DATA, 3, epochSize, cursor), 100);
        assertThat(rest).as("cut after %d, epoch size %s", cut, epochSize).isEqualTo(all.subList(cut, all.size()));
      }
    }
  }

  @Test
  void fixedEpochSizeCutsEpochsAndCarriesTheStreamOn() {
    List<String> all = describe(batches(() -> DATA, 3, OptionalLong.of(3), BatchCursor.START), 100);
    assertThat(all).extracting(b -> b.charAt(0)).containsExactly('0', '0', '0', '1', '1', '1', '2', '2', '2');
  }

  @Test
  void streamingRereadsTheCorpusEachEpochInItsOwnOrder() {
    AtomicInteger reads = new AtomicInteger();
    Corpus<Doc> corpus = () -> {
      reads.incrementAndGet();
      return DATA;
    };
    List<String> first = describe(batches(corpus, -1, OptionalLong.empty(), BatchCursor.START), 9);
    assertThat(first).startsWith("0:01", "0:23", "0:45", "0:6", "1:01");
    assertThat(reads.get()).isEqualTo(3);
  }

  @Test
  void anEmptyCorpusIsAnErrorNotAHang() {
    assertThatThrownBy(() -> batches(List::of, 0, OptionalLong.empty(), BatchCursor.START))
        .isInstanceOf(KilnException.class).hasMessageStartingWith("[E200]");
    TrainBatches<Doc> streaming = batches(List::of, -1, OptionalLong.empty(), BatchCursor.START);
    assertThatThrownBy(streaming::hasNext).isInstanceOf(KilnException.class).hasMessageStartingWith("[E200]");
  }

  @Test
  void maxEpochsBelowMinusOneIsRefused() {
    assertThatThrownBy(() -> EpochLimit.fromConfig(-2)).hasMessageStartingWith("[E201]").hasMessageContaining("-1 to stream");
  }

  @Test
  void emptyBatchesFollowTheirPolicy() {
    Batcher<Doc> withEmpty = examples -> List.of(List.of(), List.copyOf(DATA));
    TrainBatches<Doc> ignoring = new TrainBatches<>(() -> DATA, withEmpty, EpochLimit.fromConfig(2), 1,
        OptionalLong.empty(), ProblemPolicy.IGNORE, BatchCursor.START);
    List<Integer> sizes = new ArrayList<>();
    ignoring.forEachRemaining(batch -> sizes.add(batch.examples().size()));
    assertThat(sizes).containsExactly(7, 7);
    TrainBatches<Doc> failing = new TrainBatches<>(() -> DATA, withEmpty, EpochLimit.fromConfig(1), 1,
        OptionalLong.empty(), ProblemPolicy.ERROR, BatchCursor.START);
    assertThatThrownBy(failing::hasNext).hasMessageStartingWith("[E203] batch 0 of epoch 0 is empty");
  }

  @Test
  void augmentedPassesAreSeededSoAResumedStreamSeesTheSameVariants() {
    Augmenter<Doc> twins = (example, random) -> random.nextDouble() < 0.5
        ? List.of(example)
        : List.of(example, new Example<>(new Doc(example.predicted().id() + 10, 1), example.reference()));
    List<String> all = describe(augmentedBatches(BatchCursor.START, twins), 100);
    assertThat(String.join("", all)).containsPattern("1[0-6]");
    for (int cut = 0; cut <= all.size(); cut++) {
      TrainBatches<Doc> first = augmentedBatches(BatchCursor.START, twins);
      describe(first, cut);
      assertThat(describe(augmentedBatches(first.cursor(), twins), 100)).isEqualTo(all.subList(cut, all.size()));
    }
  }

  private static TrainBatches<Doc> augmentedBatches(BatchCursor start, Augmenter<Doc> augmenter) {
    return new TrainBatches<>(() -> DATA, Scripted.batchesOf(2), EpochLimit.fromConfig(2), 11,
        OptionalLong.empty(), ProblemPolicy.ERROR, start, augmenter);
  }
}
