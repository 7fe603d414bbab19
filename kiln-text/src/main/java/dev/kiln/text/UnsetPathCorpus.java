package dev.kiln.text;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;

/**
 * A corpus whose path the config leaves null, as {@code kiln init config} writes {@code [paths]}:
 * the config can be filled and checked, and only reading it is an error (spaCy's behaviour).
 */
record UnsetPathCorpus(String reader) implements Corpus<Doc> {
  @Override
  public Iterable<Example<Doc>> read() {
    throw new KilnException(ErrorCode.E338, reader);
  }
}
