package dev.kiln.nn.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A gzipped IDX file of unsigned bytes (MNIST's format), read whole: just enough for the
 * benchmark; kiln's data readers get a proper IDX reader later.
 */
record IdxFile(int[] dims, byte[] data) {
  static IdxFile read(Path path) throws IOException {
    try (InputStream raw = Files.newInputStream(path);
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
      int magic = in.readInt();
      if ((magic >>> 8) != 0x08) {
        throw new IOException(path + ": not an IDX file of unsigned bytes (magic " + magic + ")");
      }
      int[] dims = new int[magic & 0xFF];
      long size = 1;
      for (int i = 0; i < dims.length; i++) {
        dims[i] = in.readInt();
        size *= dims[i];
      }
      byte[] data = new byte[Math.toIntExact(size)];
      in.readFully(data);
      return new IdxFile(dims, data);
    }
  }

  /** The number of items (the first dimension). */
  int count() {
    return dims[0];
  }

  /** The size of one item: the product of the other dimensions. */
  int itemSize() {
    return data.length / dims[0];
  }
}
