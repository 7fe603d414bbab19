package dev.kiln.train.disk;

import java.io.OutputStream;

/** An output stream that discards everything: for reading a stream only to digest it. */
final class OutputStreamSink extends OutputStream {
  static final OutputStreamSink INSTANCE = new OutputStreamSink();

  private OutputStreamSink() {}

  @Override
  public void write(int b) {}

  @Override
  public void write(byte[] b, int off, int len) {}
}
