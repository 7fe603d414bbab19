package dev.kiln.nn.io;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named tensors plus a string-to-string metadata map, read from and written to the Hugging Face
 * safetensors format: an 8-byte little-endian header length, a JSON header padded with spaces to
 * 8 bytes, then the tensors' little-endian bytes back to back.
 *
 * <p>Files are written as the reference implementation writes them (tensors sorted by
 * decreasing alignment of their type, then by name; metadata keys sorted), so the same tensors
 * always give the same bytes. Reading validates the whole header and fails with a coded error
 * (E150–E153) naming the file.
 */
public final class SafeTensors {
  /** The reference reader's limit on the header, against files that would exhaust memory. */
  static final long MAX_HEADER_BYTES = 100_000_000L;

  private final Map<String, Tensor> tensors;
  private final Map<String, String> metadata;
  private final String source;

  /** Tensors by name (iteration order is kept) and metadata (empty for none). */
  public SafeTensors(Map<String, Tensor> tensors, Map<String, String> metadata) {
    this(tensors, metadata, "<memory>");
  }

  private SafeTensors(Map<String, Tensor> tensors, Map<String, String> metadata, String source) {
    if (tensors.containsKey("__metadata__")) {
      throw new IllegalArgumentException("\"__metadata__\" is reserved and cannot name a tensor");
    }
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    this.source = source;
  }

  /** Reads and validates a file. */
  public static SafeTensors read(Path file) {
    String source = file.toString();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 8) {
        throw new KilnException(ErrorCode.E150, source,
            "it has " + size + " bytes, fewer than the 8 that give the header length");
      }
      long headerLength = readFully(channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
        throw new KilnException(ErrorCode.E150, source, "the header length "
            + Long.toUnsignedString(headerLength) + " is over the format's limit of "
            + MAX_HEADER_BYTES + " bytes");
      }
      if (8 + headerLength > size) {
        throw new KilnException(ErrorCode.E150, source, "the header length " + headerLength
            + " runs past the end of the file (" + size + " bytes)");
      }
      byte[] headerBytes = readFully(channel, 8, (int) headerLength).array();
      HeaderParser.Header header = new HeaderParser(source).parse(headerBytes);
      long expected = 8 + headerLength + header.dataLength();
      if (expected != size) {
        throw new KilnException(ErrorCode.E150, source, "the header says the file has "
            + expected + " bytes but it has " + size
            + (size < expected ? " (it is truncated)" : " (data follows the last tensor)"));
      }
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      for (HeaderJson.Entry e : header.entries()) {
        long length = e.end() - e.start();
        if (length > Integer.MAX_VALUE - 8) {
          throw new KilnException(ErrorCode.E152, source, e.name(),
              "it has " + length + " bytes; kiln reads tensors of up to 2 GB");
        }
        byte[] data = readFully(channel, 8 + headerLength + e.start(), (int) length).array();
        tensors.put(e.name(), new Tensor(e.dtype(), e.shape(), data));
      }
      return new SafeTensors(tensors, header.metadata(), source);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E080, source, IoReason.of(e));
    }
  }

  /** Writes the file, replacing any old one only once the new one is complete. */
  public void write(Path file) {
    Path temporary = file.resolveSibling(file.getFileName() + ".partial");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        writeTo(out);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E154, file.toString(), e.getMessage());
    }
  }

  /** The file's bytes. */
  public byte[] toBytes() {
    try (var out = new java.io.ByteArrayOutputStream()) {
      writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeTo(OutputStream out) throws IOException {
    List<String> names = new ArrayList<>(tensors.keySet());
    names.sort(Comparator.comparing((String n) -> tensors.get(n).dtype()).reversed()
        .thenComparing(HeaderJson.BYTE_ORDER));
    List<HeaderJson.Entry> entries = new ArrayList<>(names.size());
    long offset = 0;
    for (String name : names) {
      Tensor t = tensors.get(name);
      entries.add(new HeaderJson.Entry(name, t.dtype(), t.shape(), offset,
          offset + t.bytes().length));
      offset += t.bytes().length;
    }
    byte[] header = HeaderJson.write(entries, metadata);
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(header.length).array());
    out.write(header);
    for (String name : names) {
      out.write(tensors.get(name).bytes());
    }
  }

  /** The tensor called {@code name}. */
  public Tensor tensor(String name) {
    Tensor tensor = tensors.get(name);
    if (tensor == null) {
      throw new KilnException(ErrorCode.E153, source, name, String.join(", ", tensors.keySet()));
    }
    return tensor;
  }

  /** The names, in file order for a file that was read. */
  public Set<String> names() {
    return tensors.keySet();
  }

  public Map<String, Tensor> tensors() {
    return tensors;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
    buffer.flip();
    return buffer;
  }
}
