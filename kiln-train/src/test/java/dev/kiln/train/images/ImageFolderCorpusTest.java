package dev.kiln.train.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import dev.kiln.train.ProblemPolicy;
import dev.kiln.train.vectors.FeatureVector;
import dev.kiln.train.vectors.Labeled;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderCorpusTest {
  @TempDir Path dir;

  /** A grey image whose pixel (x, y) is {@code base + 10·y + x}. */
  private Path grey(String path, int width, int height, int base) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.getRaster().setSample(x, y, 0, base + 10 * y + x);
      }
    }
    return write(image, path, "png");
  }

  private Path colour(String path, int width, int height, int rgb, String format)
      throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return write(image, path, format);
  }

  private Path write(BufferedImage image, String path, String format) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
    return file;
  }

  private static List<Labeled> read(Path root, int width, int height, boolean grayscale,
      boolean resize, int limit) {
    return read(root, width, height, grayscale, resize, limit, ProblemPolicy.ERROR);
  }

  private static List<Labeled> read(Path root, int width, int height, boolean grayscale,
      boolean resize, int limit, ProblemPolicy onBadImage) {
    List<Labeled> out = new ArrayList<>();
    for (Example<Labeled> example : ImageRegistry.imageFolder(root, width, height, grayscale,
        resize, limit, onBadImage).read()) {
      out.add(example.reference());
    }
    return out;
  }

  private static byte[] pixels(Labeled record) {
    FeatureVector.Pixels pixels = (FeatureVector.Pixels) record.features();
    return java.util.Arrays.copyOfRange(pixels.data(), pixels.start(), pixels.start() + pixels.length());
  }

  @Test
  void labelsAreFolderNamesInTurnFromEachClassAndGreyLevelsAreExact() throws IOException {
    grey("root/shoe/b.png", 3, 2, 100);
    grey("root/shoe/a.png", 3, 2, 0);
    grey("root/bag/x.png", 3, 2, 50);
    Files.writeString(dir.resolve("root/bag/notes.txt"), "not an image");
    List<Labeled> records = read(dir.resolve("root"), 3, 2, true, false, 0);

    assertThat(records).extracting(Labeled::label).containsExactly("bag", "shoe", "shoe");
    assertThat(pixels(records.get(1))).containsExactly(0, 1, 2, 10, 11, 12);
    assertThat(pixels(records.get(2))).containsExactly(100, 101, 102, 110, 111, 112);
    assertThat(read(dir.resolve("root"), 3, 2, true, false, 2)).extracting(Labeled::label)
        .containsExactly("bag", "shoe");
  }

  @Test
  void colourImagesGiveInterleavedRgbOrLuminance() throws IOException {
    colour("root/red/1.png", 2, 2, 0xFF0000, "png");
    List<Labeled> rgb = read(dir.resolve("root"), 2, 2, false, false, 0);
    assertThat(pixels(rgb.get(0))).hasSize(12).startsWith((byte) 255, (byte) 0, (byte) 0,
        (byte) 255, (byte) 0, (byte) 0);
    List<Labeled> grey = read(dir.resolve("root"), 2, 2, true, false, 0);
    assertThat(pixels(grey.get(0))).containsOnly((byte) Math.round(0.299f * 255));
  }

  @Test
  void jpegsAreReadAndImagesOfAnotherSizeResized() throws IOException {
    colour("root/grey/1.jpg", 8, 6, 0x808080, "jpg");
    grey("root/ramp/1.png", 2, 1, 0);
    List<Labeled> records = read(dir.resolve("root"), 4, 4, true, true, 0);
    assertThat(records).extracting(Labeled::label).containsExactly("grey", "ramp");
    for (byte value : pixels(records.get(0))) {
      assertThat(value & 0xFF).isBetween(124, 132);
    }
    // Bilinear with aligned pixel centres: 0 and 1 stretched over four columns.
    assertThat(pixels(records.get(1))).hasSize(16).startsWith((byte) 0, (byte) 0, (byte) 1,
        (byte) 1);
  }

  @Test
  void anImageOfAnotherSizeIsACodedErrorNamingItWhenResizingIsOff() throws IOException {
    grey("root/a/ok.png", 3, 2, 0);
    Path wrong = grey("root/a/wrong.png", 4, 2, 0);
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, false, 0))
        .hasMessageStartingWith("[E252]").hasMessageContaining(wrong.toString())
        .hasMessageContaining("4×2 pixels, expected 3×2");
  }

  /**
   * A grey PNG of a few dozen bytes whose header says {@code width × height}, without pixel data:
   * decoding it would allocate the whole image before finding the data missing.
   */
  private Path headerOnlyPng(String path, int width, int height) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 0, 0, 0, 0});
    chunk(png, "IHDR", header.array());
    chunk(png, "IEND", new byte[0]);
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.write(file, png.toByteArray());
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(type.getBytes(StandardCharsets.US_ASCII));
    crc.update(data);
    png.write(ByteBuffer.allocate(4).putInt(data.length).array());
    png.write(type.getBytes(StandardCharsets.US_ASCII));
    png.write(data);
    png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  @Test
  void anImageWhoseHeaderGivesMorePixelsThanTheCapIsRefusedBeforeDecoding() throws IOException {
    grey("root/a/ok.png", 3, 2, 0);
    Path huge = headerOnlyPng("root/a/huge.png", 9500, 9500);
    assertThat(Files.size(huge)).isLessThan(100);
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, true, 0))
        .hasMessage("[E279] " + huge + ": the image is 9500×9500 pixels, 90250000 in all, more than the 89478485 kiln"
            + " decodes in one image (the limit of Python's PIL): decoded, it could exhaust memory, and it is read at 3×2"
            + " anyway. Shrink the image, move it out of the folder, or set on_bad_image = \"warn\" or \"ignore\" to skip"
            + " such images (they are counted).");
    Files.delete(huge);
    Path beyondAnInt = headerOnlyPng("root/a/huge.png", 100_000, 100_000);
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, true, 0))
        .hasMessageStartingWith("[E279] " + beyondAnInt + ": the image is 100000×100000 pixels, 10000000000 in all");
    assertThat(read(dir.resolve("root"), 3, 2, true, true, 0, ProblemPolicy.IGNORE)).hasSize(1);
  }

  @Test
  void withoutResizingAnImageOfAnotherSizeIsRefusedByItsHeaderBeforeDecoding() throws IOException {
    Path large = headerOnlyPng("root/a/large.png", 6000, 4000);
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, false, 0))
        .hasMessageStartingWith("[E252] " + large + ": the image is 6000×4000 pixels, expected 3×2.");
  }

  @Test
  void anUnreadableImageIsACodedErrorNamingIt() throws IOException {
    Path broken = dir.resolve("root/a/broken.png");
    Files.createDirectories(broken.getParent());
    Files.writeString(broken, "these bytes are no PNG");
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, true, 0))
        .hasMessageStartingWith("[E250]").hasMessageContaining(broken.toString());
  }

  @Test
  void emptyFoldersAreCodedErrors() throws IOException {
    Files.createDirectories(dir.resolve("root"));
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, true, 0))
        .hasMessageStartingWith("[E251]").hasMessageContaining("no class sub-folders");
    Files.createDirectories(dir.resolve("root/empty"));
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, true, 0))
        .hasMessageStartingWith("[E251]").hasMessageContaining("empty")
        .hasMessageContaining("no PNG or JPEG images");
    assertThatThrownBy(() -> read(dir.resolve("missing"), 3, 2, true, true, 0))
        .hasMessageStartingWith("[E251]").hasMessageContaining("no such folder");
  }

  @Test
  void anUnreadableImageStopsThePassOrIsSkippedAsOnBadImageSays() throws IOException {
    grey("root/bag/a.png", 3, 2, 0);
    Files.write(dir.resolve("root/bag/b.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    grey("root/shoe/c.png", 3, 2, 100);
    grey("root/shoe/d.png", 4, 2, 100);

    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, true, 0))
        .hasMessageStartingWith("[E250]").hasMessageContaining("b.png");
    for (ProblemPolicy skip : List.of(ProblemPolicy.WARN, ProblemPolicy.IGNORE)) {
      assertThat(read(dir.resolve("root"), 3, 2, true, true, 0, skip)).as(skip.name())
          .extracting(Labeled::label).containsExactly("bag", "shoe", "shoe");
      // Without resizing, the 4-pixel-wide image is bad too, and the pass ends on it.
      assertThat(read(dir.resolve("root"), 3, 2, true, false, 0, skip)).as(skip.name())
          .extracting(Labeled::label).containsExactly("bag", "shoe");
    }
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aBrokenLinkOrAPipeNamedAsAnImageIsABadImageNeitherLeftOutSilentlyNorOpened() throws Exception {
    grey("root/bag/a.png", 3, 2, 0);
    grey("root/shoe/c.png", 3, 2, 100);
    Path broken = dir.resolve("root/bag/b.png");
    Files.createSymbolicLink(broken, dir.resolve("moved-away.png"));
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, true, 0))
        .hasMessageStartingWith("[E250] " + broken + ": cannot read the image: it is a symbolic link to a file that does not exist.");
    assertThat(read(dir.resolve("root"), 3, 2, true, true, 0, ProblemPolicy.WARN)).extracting(Labeled::label)
        .containsExactly("bag", "shoe");

    Files.delete(broken);
    Path pipe = dir.resolve("root/shoe/d.png");
    assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo makes a named pipe");
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, true, 0))
        .hasMessageStartingWith("[E250] " + pipe + ": cannot read the image: it is not a regular file but a pipe");
  }

  @Test
  void forPredictionImagesDirectlyInTheFolderAreReadWithoutALabelAndEachRecordNamesItsFile()
      throws IOException {
    grey("root/z.png", 3, 2, 0);
    grey("root/a.png", 3, 2, 10);
    grey("root/shoe/b.png", 3, 2, 20);
    Corpus<Labeled> folder = ImageRegistry.imageFolder(dir.resolve("root"), 3, 2, true, false, 0, ProblemPolicy.ERROR);

    List<Labeled> predicted = new ArrayList<>();
    folder.unlabeled().read().forEach(example -> predicted.add(example.reference()));
    assertThat(predicted).extracting(Labeled::source).containsExactly("a.png", "z.png", "shoe/b.png");
    assertThat(predicted).extracting(Labeled::label).containsExactly(null, null, "shoe");
    assertThat(predicted.get(0).toJson()).containsEntry("source", "a.png");
    // Training and evaluation read the class folders only, each record still naming its file.
    assertThat(read(dir.resolve("root"), 3, 2, true, false, 0)).extracting(Labeled::source)
        .containsExactly("shoe/b.png");
    Files.delete(dir.resolve("root/shoe/b.png"));
    Files.delete(dir.resolve("root/shoe"));
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, false, 0))
        .hasMessageStartingWith("[E251]").hasMessageContaining("no class sub-folders");
  }

  @Test
  void imagesInSubFoldersOfAClassFolderBelongToThatClassAndHiddenOnesAreLeftOut() throws IOException {
    grey("root/left/a.png", 3, 2, 0);
    grey("root/left/2023/june/b.png", 3, 2, 10);
    grey("root/left/.cache/c.png", 3, 2, 20);
    grey("root/right/2024/d.png", 3, 2, 30);
    List<Labeled> records = read(dir.resolve("root"), 3, 2, true, false, 0);
    assertThat(records).extracting(Labeled::source)
        .containsExactly("left/2023/june/b.png", "right/2024/d.png", "left/a.png");
    assertThat(records).extracting(Labeled::label).containsExactly("left", "right", "left");
    assertThatThrownBy(() -> read(dir.resolve("nowhere"), 3, 2, true, false, 0))
        .hasMessageStartingWith("[E251] " + dir.resolve("nowhere") + ": no such folder");
  }

  @Test
  void symbolicLinksToClassFoldersAndSubFoldersAreFollowed() throws IOException {
    grey("elsewhere/shoes/a.png", 3, 2, 0);
    grey("elsewhere/more/b.png", 3, 2, 10);
    grey("root/bag/c.png", 3, 2, 20);
    Files.createSymbolicLink(dir.resolve("root/shoe"), dir.resolve("elsewhere/shoes"));
    Files.createSymbolicLink(dir.resolve("root/bag/more"), dir.resolve("elsewhere/more"));
    List<Labeled> records = read(dir.resolve("root"), 3, 2, true, false, 0);
    assertThat(records).extracting(Labeled::source).containsExactly("bag/c.png", "shoe/a.png", "bag/more/b.png");
    assertThat(records).extracting(Labeled::label).containsExactly("bag", "shoe", "bag");

    Files.createSymbolicLink(dir.resolve("root/bag/loop"), dir.resolve("root"));
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, false, 0))
        .hasMessage("[E080] " + dir.resolve("root/bag") + ": cannot read the file: the symbolic link "
            + dir.resolve("root/bag/loop/bag") + " leads back to a folder above it. Check the path and its permissions.");
  }

  /** Runs {@code script} with sh in the test's folder: Java cannot name a file whose name is not in its encoding. */
  private void sh(String script) throws Exception {
    assertThat(new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).inheritIO().start().waitFor()).isZero();
  }

  @Test
  void anImageWhoseNameTheJvmCannotDecodeIsReadThroughItsPath() throws Exception {
    // As a UTF-8 "é" is under LANG=C: Path.toFile() named another file, "Can't read input file!".
    grey("root/bag/a.png", 3, 2, 0);
    grey("root/shoe/c.png", 3, 2, 100);
    sh("mv root/shoe/c.png \"root/shoe/$(printf 'caf\\377')\".png");
    assertThat(read(dir.resolve("root"), 3, 2, true, false, 0)).extracting(Labeled::label).containsExactly("bag", "shoe");
  }

  @Test
  void aClassFolderWhoseNameTheJvmCannotDecodeIsACodedErrorNotALabelOfQuestionMarks() throws Exception {
    grey("root/bag/a.png", 3, 2, 0);
    grey("root/shoe/c.png", 3, 2, 100);
    grey("root/shop/d.png", 3, 2, 100);
    // Two Latin-1 names, "café" and "cafè": read as one label "caf\uFFFD", their classes merged.
    sh("mv root/shoe \"root/$(printf 'caf\\351')\" && mv root/shop \"root/$(printf 'caf\\350')\"");
    assertThatThrownBy(() -> read(dir.resolve("root"), 3, 2, true, false, 0)).hasMessageStartingWith("[E251] " + dir.resolve("root")
        + "/caf").hasMessageContaining(": the class folder's name is not valid in the JVM's file name encoding (");
  }

  @Test
  void aSizeWhoseValuesOverflowAnIntIsACodedError() {
    assertThatThrownBy(() -> ImageRegistry.imageFolder(dir, 50_000, 50_000, true, true, 0, ProblemPolicy.ERROR))
        .hasMessage("[E253] reader kiln.ImageFolder.v1: width × height × channels must be at most 2147483647 values per"
            + " image, got 50000 × 50000 × 1.");
    assertThatThrownBy(() -> ImageRegistry.imageFolder(dir, 30_000, 30_000, false, true, 0, ProblemPolicy.ERROR))
        .hasMessageStartingWith("[E253]").hasMessageContaining("got 30000 × 30000 × 3");
  }

  @Test
  void aSizeOfMorePixelsThanAnImageMayHaveIsACodedError() {
    assertThatThrownBy(() -> ImageRegistry.imageFolder(dir, 10_000, 10_000, true, true, 0, ProblemPolicy.ERROR))
        .hasMessage("[E253] reader kiln.ImageFolder.v1: width × height must be at most 89478485 pixels, the most kiln"
            + " decodes in one image, got 10000 × 10000.");
  }

  @Test
  void aSizeBelowOnePixelIsACodedError() {
    assertThatThrownBy(() -> ImageRegistry.imageFolder(dir, 0, 28, true, true, 0, ProblemPolicy.ERROR))
        .hasMessageStartingWith("[E253]");
  }
}
