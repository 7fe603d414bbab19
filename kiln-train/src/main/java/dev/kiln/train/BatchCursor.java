package dev.kiln.train;

/**
 * Where the training stream is: enough to rebuild it exactly on resume, because each pass's
 * shuffle is a function of the seed and the pass number only.
 *
 * @param epoch epochs completed so far (the epoch of the next batch)
 * @param pass passes over the corpus started so far, minus one (differs from epoch only with
 *     {@code fixed_epoch_size})
 * @param batchInPass batches already taken from the current pass
 * @param batchInEpoch batches already taken in the current epoch
 */
public record BatchCursor(int epoch, int pass, long batchInPass, long batchInEpoch) {
  public static final BatchCursor START = new BatchCursor(0, 0, 0, 0);
}
