package dev.kiln.train.vectors;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import dev.kiln.train.Pipes;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IDX file of unsigned bytes (MNIST, Fashion-MNIST), gzipped or not: the magic number
 * {@code 0x0000 08 NN} (unsigned bytes, NN dimensions), NN big-endian dimension sizes, then the
 * values row-major.
 *
 * @param dims the dimension sizes, the first being the number of items
 * @param values every value, row-major
 */
record IdxFile(int[] dims, byte[] values) {
  private static final Logger LOG = LoggerFactory.getLogger(IdxFile.class);
  private static final int UNSIGNED_BYTE = 0x08;
  private static final int FIRST_READ = 64 << 20;

  /** The number of values in one item (the product of all dimensions but the first). */
  int itemSize() {
    int size = 1;
    for (int i = 1; i < dims.length; i++) {
      size *= dims[i];
    }
    return size;
  }

  /**
   * The shape of an images file's items: rows × columns for 3 dimensions, rows × columns ×
   * channels for 4, and 1 × n for items of one dimension (vectors).
   */
  ImageShape imageShape(Path file) {
    return switch (dims.length) {
      case 2 -> new ImageShape(1, dims[1], 1, file.toString());
      case 3 -> new ImageShape(dims[1], dims[2], 1, file.toString());
      default -> new ImageShape(dims[1], dims[2], dims[3], file.toString());
    };
  }

  /** The file {@code PREFIX-SUFFIX.gz} or {@code PREFIX-SUFFIX}, whichever exists (E080 if neither). */
  static Path find(Path prefix, String suffix) {
    return findIfAny(prefix, suffix).orElseThrow(() ->
        new KilnException(ErrorCode.E080, prefix + "-" + suffix + "[.gz]", "no such file" + prefixHint(prefix)));
  }

  /**
   * A hint when {@code path} is not a prefix but a file's whole name or the folder holding the
   * files, the two likely mistakes: the prefixes that would name files which exist.
   */
  private static String prefixHint(Path prefix) {
    List<String> prefixes = new ArrayList<>();
    String name = prefix.toString().replaceFirst("\\.gz$", "");
    for (String suffix : List.of("-images-idx3-ubyte", "-labels-idx1-ubyte")) {
      if (name.endsWith(suffix)) {
        prefixes.add(name.substring(0, name.length() - suffix.length()));
      }
    }
    if (Files.isDirectory(prefix)) {
      try (Stream<Path> files = Files.list(prefix)) {
        files.map(file -> file.getFileName().toString()).filter(file -> file.matches(".+-images-idx3-ubyte(\\.gz)?"))
            .map(file -> prefix.resolve(file.substring(0, file.indexOf("-images-idx3-ubyte"))).toString())
            .sorted().forEach(prefixes::add);
      } catch (IOException e) {
        return "";
      }
    }
    return prefixes.isEmpty() ? "" : ": path is the start the two files' names share, such as "
        + String.join(" or ", prefixes);
  }

  /**
   * As {@link #find}, empty when neither file exists; warns when both do, since they may differ.
   * A named pipe counts as a file: {@code kiln evaluate} and {@code predict} read it once, as they
   * read a JSONL pipe, and {@code kiln train} refuses it before reading, as any data pipe (E219).
   */
  static Optional<Path> findIfAny(Path prefix, String suffix) {
    Path gzipped = Path.of(prefix + "-" + suffix + ".gz");
    Path plain = Path.of(prefix + "-" + suffix);
    if (isFile(gzipped)) {
      if (isFile(plain)) {
        LOG.warn("both {} and {} exist; reading {}. Remove the one you do not mean.", gzipped, plain, gzipped);
      }
      return Optional.of(gzipped);
    }
    return isFile(plain) ? Optional.of(plain) : Optional.empty();
  }

  private static boolean isFile(Path path) {
    return Files.isRegularFile(path) || Pipes.isPipe(path);
  }

  static IdxFile images(Path file) {
    return read(file, false);
  }

  static IdxFile labels(Path file) {
    return read(file, true);
  }

  /**
   * Reads {@code file}, an images file (2 or more dimensions: count, rows, columns...) or a
   * labels file (one dimension: count).
   */
  private static IdxFile read(Path file, boolean labels) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(open(file), 1 << 16))) {
      int magic = in.readInt();
      int type = (magic >>> 8) & 0xFF;
      int ndims = magic & 0xFF;
      if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || ndims < 1 || ndims > 4) {
        throw new KilnException(ErrorCode.E232, file, String.format("%08x", magic));
      }
      if (labels ? ndims != 1 : ndims < 2) {
        throw new KilnException(ErrorCode.E237, file, ndims, labels ? "labels" : "images",
            labels ? "1 (the count)" : "2 or more (the count, then rows and columns)");
      }
      int[] dims = new int[ndims];
      for (int i = 0; i < ndims; i++) {
        dims[i] = in.readInt();
        if (dims[i] < 0) {
          throw new KilnException(ErrorCode.E233, file, "dimension " + i + " is negative (" + dims[i] + ")");
        }
        if (i > 0 && dims[i] == 0) {
          throw new KilnException(ErrorCode.E233, file, "dimension " + i + " is 0, so its items have no values");
        }
      }
      long total = total(file, dims);
      byte[] values = values(in, (int) total, file);
      if (in.read() != -1) {
        throw new KilnException(ErrorCode.E233, file, "it has data after its " + total + " declared values");
      }
      return new IdxFile(dims, values);
    } catch (EOFException e) {
      throw new KilnException(ErrorCode.E233, file, "it ends inside its header");
    } catch (ZipException e) {
      throw new KilnException(ErrorCode.E233, file, "its name ends in .gz, but it is not gzip data (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E080, file, IoReason.of(e));
    }
  }

  /**
   * Reads {@code count} values, growing the array as they arrive: a damaged header may declare
   * two billion values in a file of a few bytes (gzipped, its size says nothing), which must be
   * found short, not allocated first (an OutOfMemoryError in a 1 GB heap). Files up to
   * {@link #FIRST_READ} bytes, Fashion-MNIST's among them, are read into one array as before.
   */
  private static byte[] values(DataInputStream in, int count, Path file) throws IOException {
    byte[] values = new byte[Math.min(count, FIRST_READ)];
    int read = 0;
    while (read < count) {
      if (read == values.length) {
        values = Arrays.copyOf(values, (int) Math.min(count, 2L * values.length));
      }
      int n = in.read(values, read, values.length - read);
      if (n < 0) {
        throw new KilnException(ErrorCode.E233, file, "it ends before its " + count + " declared values");
      }
      read += n;
    }
    return values;
  }

  /**
   * The number of values {@code dims} declare. Four sizes of up to 2^31 each can overflow a
   * long (65536^4 wraps to 0), so the product is checked at each factor.
   */
  private static long total(Path file, int[] dims) {
    long total = dims[0];
    for (int i = 1; i < dims.length && total > 0; i++) {
      total *= dims[i];
      if (total > Integer.MAX_VALUE - 8) {
        throw new KilnException(ErrorCode.E233, file, "its dimensions " + Arrays.toString(dims)
            + " declare more values than kiln reads (at most " + (Integer.MAX_VALUE - 8) + ")");
      }
    }
    return total;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = Pipes.isPipe(file) ? new PipeInput(Files.newInputStream(file)) : Files.newInputStream(file);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  /**
   * A pipe's stream, whose {@code available()} is 0: the file channel's asks the pipe for its
   * position, which it has not ("Illegal seek"), and GZIPInputStream asks it at the end of the data.
   */
  private static final class PipeInput extends FilterInputStream {
    PipeInput(InputStream in) {
      super(in);
    }

    @Override
    public int available() {
      return 0;
    }
  }
}
