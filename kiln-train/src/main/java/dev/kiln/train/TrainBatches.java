package dev.kiln.train;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.nn.Rng;
import dev.kiln.nn.batching.PassOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream of training batches with their epochs: spaCy's {@code create_train_batches}, plus
 * emloop's {@code fixed_epoch_size} and empty-batch policy, and a cursor for exact resume.
 *
 * <p>Unlike spaCy, which shuffles with Python's global RNG, each pass over the corpus is shuffled
 * with an RNG seeded from the run's seed and the pass number, so a resumed run rebuilds the same
 * order from the {@link BatchCursor} alone.
 *
 * <p>With {@code fixed_epoch_size = N} every epoch is exactly N batches and the stream carries on
 * across epoch boundaries, starting a new (reshuffled) pass whenever one runs out, as emloop's
 * stream wrapper does.
 */
public final class TrainBatches<D extends Datum> implements BatchStream<D> {
  private static final Logger LOG = LoggerFactory.getLogger(TrainBatches.class);

  private final Corpus<D> corpus;
  private final Batcher<D> batcher;
  private final EpochLimit limit;
  private final long seed;
  private final OptionalLong fixedEpochSize;
  private final ProblemPolicy onEmptyBatch;
  private final List<Example<D>> loaded;
  private final Augmenter<D> augmenter;

  private Iterator<List<Example<D>>> pass;
  private boolean passYieldedBatch;
  private BatchCursor cursor;
  private EpochBatch<D> pending;
  private BatchCursor beforePending;

  public TrainBatches(
      Corpus<D> corpus, Batcher<D> batcher, EpochLimit limit, long seed,
      OptionalLong fixedEpochSize, ProblemPolicy onEmptyBatch, BatchCursor start) {
    this(corpus, batcher, limit, seed, fixedEpochSize, onEmptyBatch, start, null);
  }

  /** As above, with every example of every pass replaced by {@code augmenter}'s variants (null: none). */
  public TrainBatches(
      Corpus<D> corpus, Batcher<D> batcher, EpochLimit limit, long seed,
      OptionalLong fixedEpochSize, ProblemPolicy onEmptyBatch, BatchCursor start, Augmenter<D> augmenter) {
    this.augmenter = augmenter;
    this.corpus = corpus;
    this.batcher = batcher;
    this.limit = limit;
    this.seed = seed;
    this.fixedEpochSize = fixedEpochSize;
    this.onEmptyBatch = onEmptyBatch;
    this.loaded = limit instanceof EpochLimit.Streaming ? null : load(corpus);
    this.cursor = start;
    openPass(start.pass());
    for (long skipped = 0; skipped < start.batchInPass(); skipped++) {
      if (!pass.hasNext()) {
        throw new KilnException(ErrorCode.E202, start.batchInPass(), start.pass(), skipped);
      }
      pass.next();
      passYieldedBatch = true;
    }
  }

  @Override
  public BatchCursor cursor() {
    return pending != null ? beforePending : cursor;
  }

  @Override
  public boolean hasNext() {
    if (pending == null) {
      beforePending = cursor;
      pending = advance();
    }
    return pending != null;
  }

  @Override
  public EpochBatch<D> peek() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending;
  }

  @Override
  public EpochBatch<D> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    EpochBatch<D> batch = pending;
    pending = null;
    return batch;
  }

  private EpochBatch<D> advance() {
    while (true) {
      if (fixedEpochSize.isPresent() && cursor.batchInEpoch() >= fixedEpochSize.getAsLong()) {
        cursor = new BatchCursor(cursor.epoch() + 1, cursor.pass(), cursor.batchInPass(), 0);
      }
      if (!limit.allowsEpoch(cursor.epoch())) {
        return null;
      }
      if (!pass.hasNext()) {
        if (!passYieldedBatch) {
          throw new KilnException(ErrorCode.E200, cursor.pass());
        }
        int nextEpoch = fixedEpochSize.isPresent() ? cursor.epoch() : cursor.epoch() + 1;
        long batchInEpoch = fixedEpochSize.isPresent() ? cursor.batchInEpoch() : 0;
        cursor = new BatchCursor(nextEpoch, cursor.pass() + 1, 0, batchInEpoch);
        if (!limit.allowsEpoch(cursor.epoch())) {
          return null;
        }
        openPass(cursor.pass());
        continue;
      }
      List<Example<D>> batch = pass.next();
      cursor = new BatchCursor(
          cursor.epoch(), cursor.pass(), cursor.batchInPass() + 1, cursor.batchInEpoch());
      if (batch.isEmpty()) {
        handleEmptyBatch();
        continue;
      }
      passYieldedBatch = true;
      cursor = new BatchCursor(
          cursor.epoch(), cursor.pass(), cursor.batchInPass(), cursor.batchInEpoch() + 1);
      return new EpochBatch<>(cursor.epoch(), batch);
    }
  }

  private void handleEmptyBatch() {
    switch (onEmptyBatch) {
      case ERROR -> throw new KilnException(ErrorCode.E203, cursor.batchInPass() - 1, cursor.epoch());
      case WARN -> LOG.warn("batch {} of epoch {} is empty; skipped (on_empty_batch = \"warn\")",
          cursor.batchInPass() - 1, cursor.epoch());
      case IGNORE -> { }
    }
  }

  private void openPass(int passNumber) {
    Iterable<Example<D>> examples = loaded == null ? corpus.read() : shuffled(loaded, passNumber);
    if (augmenter != null) {
      examples = augmented(examples, Rng.derive(seed, "augment/" + passNumber));
    }
    pass = batcher.batch(examples).iterator();
    passYieldedBatch = false;
  }

  /** The pass's examples, each replaced by its variants, computed as the batcher asks for them. */
  private Iterable<Example<D>> augmented(Iterable<Example<D>> examples, Rng random) {
    return () -> new Iterator<>() {
      private final Iterator<Example<D>> source = examples.iterator();
      private Iterator<Example<D>> variants = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!variants.hasNext() && source.hasNext()) {
          variants = augmenter.augment(source.next(), random).iterator();
        }
        return variants.hasNext();
      }

      @Override
      public Example<D> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return variants.next();
      }
    };
  }

  private List<Example<D>> shuffled(List<Example<D>> examples, int passNumber) {
    int[] order = PassOrder.shuffled(examples.size(), seed, passNumber);
    List<Example<D>> shuffled = new ArrayList<>(order.length);
    for (int index : order) {
      shuffled.add(examples.get(index));
    }
    return shuffled;
  }

  private static <D extends Datum> List<Example<D>> load(Corpus<D> corpus) {
    List<Example<D>> examples = new ArrayList<>();
    corpus.read().forEach(examples::add);
    if (examples.isEmpty()) {
      throw new KilnException(ErrorCode.E200, 0);
    }
    return examples;
  }
}
