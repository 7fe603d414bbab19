package dev.kiln.train.log;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log file that a resumed run continues exactly: its saved state is the file's
 * length at the checkpoint, and on resume anything written after that (by the run that was
 * killed) is cut off before appending. A file found shorter than that (deleted or cut by hand)
 * is appended to as it is, with a warning. A saved state is the state of one file: a logger that
 * writes another file since the config's logger changed (which --resume allows) starts that file
 * as a new run would, rather than cutting it to the length of the file logged before.
 */
final class LogFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LogFile.class);
  private static final String LENGTH = "bytes";
  private static final String FILE = "file";

  private final Path file;
  private final Path path;
  private final FileChannel channel;
  private final Writer writer;

  private LogFile(Path file, Path path, FileChannel channel) {
    this.file = file;
    this.path = path;
    this.channel = channel;
    this.writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
  }

  /** Opens {@code file} (relative to the output directory) fresh, or continued from a saved state. */
  static LogFile open(Path file, LogContext context) {
    Path path = context.outputDirectory().map(dir -> dir.resolve(file)).orElse(file);
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      Object savedFile = context.resumedState().get(FILE);
      Object saved = savedFile == null || savedFile.equals(file.toString()) ? context.resumedState().get(LENGTH) : null;
      long keep = saved instanceof Number length ? length.longValue() : 0;
      if (channel.size() < keep) {
        // Moved or cut since the checkpoint: appending at the saved length would leave a hole of NUL bytes.
        LOG.warn("{} holds {} bytes, but the run had written {} at its checkpoint (was it moved or cut?);"
            + " the resumed run's lines follow what is there.", path, channel.size(), keep);
        keep = channel.size();
      }
      channel.truncate(keep);
      channel.position(keep);
      return new LogFile(file, path, channel);
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, path, IoReason.of(e));
    }
  }

  boolean isEmpty() {
    try {
      return channel.size() == 0;
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, path, IoReason.of(e));
    }
  }

  void writeLine(String line) {
    try {
      writer.write(line);
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, path, IoReason.of(e));
    }
  }

  Map<String, Object> state() {
    try {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put(LENGTH, channel.size());
      state.put(FILE, file.toString());
      return state;
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, path, IoReason.of(e));
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E212, path, IoReason.of(e));
    }
  }
}
