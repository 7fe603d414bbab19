package dev.kiln.train.images;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes one image file as {@link ImageIO#read} does, but looks at the size its header gives
 * first: a PNG of a few hundred bytes may say 30000×30000, which decoded fills gigabytes. Such an
 * image, and (without resizing) one of another size than the reader's, is refused before any
 * pixel is decoded.
 */
final class ImageDecoding {
  /**
   * The most pixels one image may have: Python's PIL ({@code Image.MAX_IMAGE_PIXELS}, which
   * torchvision's ImageFolder meets as a decompression bomb) draws the line here, a 24-bit image
   * of 256 MiB. kiln holds an image as floats while reading it, 4 bytes per value, so this
   * already takes about 1.3 GB for colour.
   */
  static final long MAX_PIXELS = 89_478_485L;

  private ImageDecoding() {}

  /**
   * The decoded image.
   *
   * @throws KilnException E250 when the file cannot be read or decoded, E252 when resizing is
   *     off and its header gives another size than {@code size}, E279 when its header gives more
   *     than {@link #MAX_PIXELS} pixels
   */
  static BufferedImage read(Path file, ImageSize size) {
    if (!Files.isRegularFile(file)) {
      // Opening a named pipe would wait for a writer for ever.
      throw new KilnException(ErrorCode.E250, file, Files.exists(file)
          ? "it is not a regular file but a pipe or a device, which kiln does not open"
          : "it is a symbolic link to a file that does not exist");
    }
    // Through the Path, which keeps the name's bytes: Path.toFile() goes through the name decoded
    // in the JVM's file name encoding, which under LANG=C turns "café" into "caf??", a file that
    // does not exist ("Can't read input file!").
    try (InputStream in = Files.newInputStream(file); ImageInputStream stream = new MemoryCacheImageInputStream(in)) {
      return decode(file, stream, size);
    } catch (KilnException e) {
      throw e;
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E250, file, e instanceof FileSystemException ? IoReason.of(e) : e.getMessage());
    } catch (RuntimeException e) {
      throw new KilnException(ErrorCode.E250, file, e.getMessage());
    }
  }

  private static BufferedImage decode(Path file, ImageInputStream stream, ImageSize size) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
    if (!readers.hasNext()) {
      throw new KilnException(ErrorCode.E250, file, "no image decoder recognises its content");
    }
    ImageReader reader = readers.next();
    try {
      reader.setInput(stream, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (!size.resize() && (width != size.width() || height != size.height())) {
        throw new KilnException(ErrorCode.E252, file, width, height, size.width(), size.height());
      }
      if ((long) width * height > MAX_PIXELS) {
        throw new KilnException(ErrorCode.E279, file, width, height, (long) width * height, MAX_PIXELS,
            size.width(), size.height());
      }
      return reader.read(0, reader.getDefaultReadParam());
    } finally {
      reader.dispose();
    }
  }
}
