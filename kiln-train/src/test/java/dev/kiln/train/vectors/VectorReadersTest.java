package dev.kiln.train.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorReadersTest {
  @TempDir Path dir;

  private static byte[] idx(int magic, int[] dims, int values) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + values);
    buffer.putInt(magic);
    for (int dim : dims) {
      buffer.putInt(dim);
    }
    for (int i = 0; i < values; i++) {
      buffer.put((byte) (i % 256));
    }
    return buffer.array();
  }

  private Path gzip(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    }
    return file;
  }

  private static List<Example<Labeled>> all(Iterable<Example<Labeled>> examples) {
    List<Example<Labeled>> list = new ArrayList<>();
    examples.forEach(list::add);
    return list;
  }

  @Test
  void idxImagesAndLabelsBecomePixelVectorsWithNamedLabels() throws IOException {
    gzip("train-images-idx3-ubyte.gz", idx(0x0803, new int[] {3, 2, 2}, 12));
    Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x0801, new int[] {3}, 3));
    List<Example<Labeled>> examples = all(VectorRegistry.idx(dir.resolve("train"), 0, List.of("a", "b", "c")).read());
    assertThat(examples).extracting(e -> e.reference().label()).containsExactly("a", "b", "c");
    float[] row = new float[4];
    examples.get(1).predicted().features().copyTo(row, 0);
    assertThat(row).containsExactly(4 / 255f, 5 / 255f, 6 / 255f, 7 / 255f);
    assertThat(examples.get(0).predicted().label()).isNull();
  }

  @Test
  void idxImagesWithoutALabelsFileAreReadForPredictionOnlyEachNamedByFileAndIndex() throws IOException {
    gzip("new-images-idx3-ubyte.gz", idx(0x0803, new int[] {3, 2, 2}, 12));
    Corpus<Labeled> corpus = VectorRegistry.idx(dir.resolve("new"), 0, List.of("a", "b", "c"));

    assertThatThrownBy(() -> all(corpus.read())).hasMessageStartingWith("[E080]")
        .hasMessageContaining("new-labels-idx1-ubyte[.gz]: cannot read the file: no such file");
    List<Example<Labeled>> unlabeled = all(corpus.unlabeled().read());
    assertThat(unlabeled).extracting(e -> e.predicted().source())
        .containsExactly("new-images-idx3-ubyte.gz#0", "new-images-idx3-ubyte.gz#1", "new-images-idx3-ubyte.gz#2");
    assertThat(unlabeled).extracting(e -> e.reference().label()).containsOnlyNulls();

    Files.write(dir.resolve("new-labels-idx1-ubyte"), idx(0x0801, new int[] {3}, 3));
    assertThat(all(corpus.unlabeled().read())).extracting(e -> e.reference().label()).containsExactly("a", "b", "c");
  }

  @Test
  void aPathThatIsAFileNameOrTheFolderInsteadOfAPrefixGetsTheRightPrefixes() throws IOException {
    gzip("train-images-idx3-ubyte.gz", idx(0x0803, new int[] {3, 2, 2}, 12));
    gzip("t10k-images-idx3-ubyte.gz", idx(0x0803, new int[] {3, 2, 2}, 12));
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir, 0, List.of()).read()))
        .hasMessage("[E080] " + dir + "-images-idx3-ubyte[.gz]: cannot read the file: no such file: path is the start the"
            + " two files' names share, such as " + dir.resolve("t10k") + " or " + dir.resolve("train")
            + ". Check the path and its permissions.");
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve("train-images-idx3-ubyte.gz"), 0, List.of()).read()))
        .hasMessageContaining("no such file: path is the start the two files' names share, such as " + dir.resolve("train") + ".");
  }

  @Test
  void swappedImagesAndLabelsFilesAreNamedAsSuch() throws IOException {
    Files.write(dir.resolve("swap-images-idx3-ubyte"), idx(0x0801, new int[] {3}, 3));
    Files.write(dir.resolve("swap-labels-idx1-ubyte"), idx(0x0803, new int[] {3, 2, 2}, 12));
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve("swap"), 0, List.of()).read()))
        .hasMessageStartingWith("[E237] " + dir.resolve("swap-images-idx3-ubyte") + ": its header gives 1 dimension(s),"
            + " but an IDX images file has 2 or more").hasMessageContaining("swapped?");
    Files.write(dir.resolve("swap-images-idx3-ubyte"), idx(0x0803, new int[] {3, 2, 2}, 12));
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve("swap"), 0, List.of()).read()))
        .hasMessageStartingWith("[E237] " + dir.resolve("swap-labels-idx1-ubyte") + ": its header gives 3 dimension(s)");
  }

  @Test
  void aGzFileThatIsNotGzipIsNamedAsSuch() throws IOException {
    Files.write(dir.resolve("plain-images-idx3-ubyte.gz"), idx(0x0803, new int[] {1, 2, 2}, 4));
    Files.write(dir.resolve("plain-labels-idx1-ubyte"), idx(0x0801, new int[] {1}, 1));
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve("plain"), 0, List.of()).read()))
        .hasMessageStartingWith("[E233] " + dir.resolve("plain-images-idx3-ubyte.gz")
            + ": the IDX file is damaged: its name ends in .gz, but it is not gzip data");
  }

  @Test
  void whenBothAGzippedAndAPlainFileExistTheGzippedOneIsRead() throws IOException {
    gzip("both-images-idx3-ubyte.gz", idx(0x0803, new int[] {3, 2, 2}, 12));
    Files.write(dir.resolve("both-images-idx3-ubyte"), idx(0x0803, new int[] {1, 2, 2}, 4));
    Files.write(dir.resolve("both-labels-idx1-ubyte"), idx(0x0801, new int[] {3}, 3));
    assertThat(all(VectorRegistry.idx(dir.resolve("both"), 0, List.of()).read())).hasSize(3);
  }

  @Test
  void aLabelNamedTwiceIsRefused() {
    assertThatThrownBy(() -> VectorRegistry.idx(dir.resolve("x"), 0, List.of("a", "b", "a")))
        .hasMessageStartingWith("[E238] label_names names \"a\" twice");
  }

  @Test
  void malformedIdxFilesGiveCodedErrors() throws IOException {
    Files.write(dir.resolve("bad-labels-idx1-ubyte"), idx(0x0801, new int[] {2}, 2));
    Files.write(dir.resolve("bad-images-idx3-ubyte"), idx(0x0D03, new int[] {2, 2, 2}, 8));
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve("bad"), 0, List.of()).read()))
        .hasMessageStartingWith("[E232]").hasMessageContaining("magic number 00000d03");
    Files.write(dir.resolve("bad-images-idx3-ubyte"), idx(0x0803, new int[] {2, 2, 2}, 5));
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve("bad"), 0, List.of()).read()))
        .hasMessageStartingWith("[E233]").hasMessageContaining("ends before its 8 declared values");
    Files.write(dir.resolve("bad-images-idx3-ubyte"), new byte[] {0, 0, 8});
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve("bad"), 0, List.of()).read()))
        .hasMessageStartingWith("[E233]").hasMessageContaining("inside its header");
    Files.write(dir.resolve("bad-images-idx3-ubyte"), idx(0x0803, new int[] {3, 2, 2}, 12));
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve("bad"), 0, List.of()).read()))
        .hasMessageStartingWith("[E234]");
  }

  @Test
  void dimensionsWhoseProductOverflowsALongAreRefusedNotReadAsEmptyImages() throws IOException {
    // 65536^4 = 2^64 wrapped to 0 values, and 65536 images of 65536^3 (as an int: 0) pixels each trained.
    Files.write(dir.resolve("wrap-images-idx3-ubyte"), idx(0x0804, new int[] {65536, 65536, 65536, 65536}, 0));
    Files.write(dir.resolve("wrap-labels-idx1-ubyte"), idx(0x0801, new int[] {65536}, 65536));
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve("wrap"), 0, List.of()).read()))
        .hasMessage("[E233] " + dir.resolve("wrap-images-idx3-ubyte") + ": the IDX file is damaged: its dimensions "
            + "[65536, 65536, 65536, 65536] declare more values than kiln reads (at most 2147483639). Download or copy it again.");
  }

  @Test
  void aHeaderDeclaringMoreValuesThanTheHeapHoldsIsFoundShortWithoutAllocatingThem() throws IOException {
    // 2,147,395,600 declared values, more than the tests' 2 GB heap: allocated at once, an OutOfMemoryError.
    int[] dims = {1, 46340, 46340};
    Files.write(dir.resolve("short-images-idx3-ubyte"), idx(0x0803, dims, 10));
    gzip("gz-images-idx3-ubyte.gz", idx(0x0803, dims, 10));
    for (String prefix : List.of("short", "gz")) {
      Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), idx(0x0801, new int[] {1}, 1));
      assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve(prefix), 0, List.of()).read()))
          .hasMessageStartingWith("[E233]").hasMessageContaining("it ends before its 2147395600 declared values");
    }
  }

  @Test
  void imagesWithoutPixelsAreRefused() throws IOException {
    Files.write(dir.resolve("flat-images-idx3-ubyte"), idx(0x0803, new int[] {3, 0, 2}, 0));
    Files.write(dir.resolve("flat-labels-idx1-ubyte"), idx(0x0801, new int[] {3}, 3));
    assertThatThrownBy(() -> all(VectorRegistry.idx(dir.resolve("flat"), 0, List.of()).read()))
        .hasMessageStartingWith("[E233]").hasMessageContaining("dimension 1 is 0, so its items have no values");
    Files.write(dir.resolve("none-images-idx3-ubyte"), idx(0x0803, new int[] {0, 2, 2}, 0));
    Files.write(dir.resolve("none-labels-idx1-ubyte"), idx(0x0801, new int[] {0}, 0));
    assertThat(all(VectorRegistry.idx(dir.resolve("none"), 0, List.of()).read())).isEmpty();
  }

  @Test
  void labeledJsonlSkipsAByteOrderMarkAndRefusesTextThatIsNotUtf8() throws IOException {
    Path marked = dir.resolve("marked.jsonl");
    Files.write(marked, "\uFEFF{\"features\": [1, 2], \"label\": \"x\"}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(all(VectorRegistry.labeledJsonl(marked, 0).read())).extracting(e -> e.reference().label())
        .containsExactly("x");
    Path latin1 = dir.resolve("latin1.jsonl");
    Files.write(latin1, "{\"features\": [1], \"label\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> all(VectorRegistry.labeledJsonl(latin1, 0).read()))
        .hasMessageStartingWith("[E082] " + latin1 + ": line 1: the file is not valid UTF-8 text");
  }

  @Test
  void aBadJsonlLineNamesTheFileAndLine() throws IOException {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, "{\"features\": [1, 2], \"label\": \"x\"}\n\n{\"features\": [1, \"two\"], \"label\": \"y\"}\n");
    assertThatThrownBy(() -> all(VectorRegistry.labeledJsonl(file, 0).read()))
        .hasMessage("[E236] " + file + ": line 3: feature 1 is not a number. Each line must be "
            + "{\"features\": [numbers], \"label\": \"name\"}.");
    Files.writeString(file, "{\"features\": [1, 2], \"label\": \"x\"}\n{\"features\": [3, 4]}\n{\"features\": [5, 6]}\n");
    assertThat(all(VectorRegistry.labeledJsonl(file, 2).read())).hasSize(2)
        .extracting(e -> e.reference().label()).containsExactly("x", null);
  }

  @Test
  void aJsonlFeatureBeyondFloat32IsAnErrorNotAnInfiniteInput() throws IOException {
    Path file = dir.resolve("big.jsonl");
    Files.writeString(file, "{\"features\": [1, 2], \"label\": \"x\"}\n{\"features\": [1, -1e39], \"label\": \"y\"}\n");
    assertThatThrownBy(() -> all(VectorRegistry.labeledJsonl(file, 0).read()))
        .hasMessage("[E236] " + file + ": line 2: feature 1 is -1.0E39, beyond the range of the model's 32-bit numbers"
            + " (about ±3.4e38); rescale it. Each line must be {\"features\": [numbers], \"label\": \"name\"}.");
  }

  @Test
  void aJsonlLineWithAnotherNumberOfFeaturesNamesItsLine() throws IOException {
    Path file = dir.resolve("ragged.jsonl");
    Files.writeString(file, "\n{\"features\": [1, 2, 3], \"label\": \"x\"}\n{\"features\": [1, 2], \"label\": \"y\"}\n");
    assertThatThrownBy(() -> all(VectorRegistry.labeledJsonl(file, 0).read()))
        .hasMessageStartingWith("[E236] " + file + ": line 3: it has 2 features, but line 2 has 3: give every line the same number.");
  }

  @Test
  void aJsonlLabelThatIsAListOrObjectIsAnErrorNotAnEmptyName() throws IOException {
    Path file = dir.resolve("labels.jsonl");
    Files.writeString(file, "{\"features\": [1], \"label\": 3}\n{\"features\": [2], \"label\": {\"name\": \"y\"}}\n");
    assertThatThrownBy(() -> all(VectorRegistry.labeledJsonl(file, 0).read()))
        .hasMessageStartingWith("[E236] " + file + ": line 2: \"label\" is {\"name\":\"y\"}, not a name.");
  }

  @Test
  void aKeyGivenTwiceInAJsonlRecordIsAnErrorNotTheLastValueSilently() throws IOException {
    Path file = dir.resolve("twice.jsonl");
    Files.writeString(file, "{\"features\": [1], \"label\": \"x\"}\n{\"features\": [2], \"label\": \"x\", \"label\": \"y\"}\n");
    assertThatThrownBy(() -> all(VectorRegistry.labeledJsonl(file, 0).read()))
        .hasMessageStartingWith("[E236] " + file + ": line 2: the key \"label\" appears twice in one object, and only one of its"
            + " values could be read: remove the other.");
  }

  @Test
  void twoRecordsOnOneJsonlLineAreAnErrorNotTheFirstAlone() throws IOException {
    Path file = dir.resolve("two.jsonl");
    Files.writeString(file, "{\"features\": [1, 2], \"label\": \"x\"}\n{\"features\": [1, 2], \"label\": \"x\"}"
        + " {\"features\": [3, 4], \"label\": \"y\"}\n");
    assertThatThrownBy(() -> all(VectorRegistry.labeledJsonl(file, 0).read()))
        .hasMessageStartingWith("[E236] " + file + ": line 2: it holds more than one JSON value");
    Files.writeString(file, "[1, 2]\n");
    assertThatThrownBy(() -> all(VectorRegistry.labeledJsonl(file, 0).read()))
        .hasMessageStartingWith("[E236] " + file + ": line 1: it is not a JSON object");
  }

  @Test
  void featureNoiseChangesTheFeaturesOfTheShareItIsGiven() {
    Example<Labeled> example = Labeled.example(new FeatureVector.Dense(new float[] {1, 2, 3}), "x");
    dev.kiln.nn.Rng random = new dev.kiln.nn.Rng(5);
    assertThat(VectorRegistry.featureNoise(0.5, 0.0).augment(example, random)).containsExactly(example);
    Example<Labeled> noisy = VectorRegistry.featureNoise(0.5, 1.0).augment(example, random).iterator().next();
    float[] values = new float[3];
    noisy.predicted().features().copyTo(values, 0);
    assertThat(values).isNotEqualTo(new float[] {1, 2, 3});
    assertThat(noisy.reference().label()).isEqualTo("x");
  }

  @Test
  void noisyPixelsKeepTheirImageShapeAndIdxImagesCarryTheirs() throws IOException {
    ImageShape shape = new ImageShape(1, 3, 1, "images");
    Example<Labeled> example = Labeled.example(new FeatureVector.Pixels(new byte[] {1, 2, 3}, shape), "x");
    Example<Labeled> noisy = VectorRegistry.featureNoise(0.5, 1.0).augment(example, new dev.kiln.nn.Rng(5)).iterator().next();
    assertThat(noisy.predicted().features().shape()).isSameAs(shape);

    Files.write(dir.resolve("t-images-idx3-ubyte"), idx(0x0803, new int[] {2, 3, 4}, 24));
    Files.write(dir.resolve("t-labels-idx1-ubyte"), idx(0x0801, new int[] {2}, 2));
    ImageShape read = all(VectorRegistry.idx(dir.resolve("t"), 0, List.of()).read()).get(1).predicted().features().shape();
    assertThat(read.describe()).isEqualTo("3×4×1");
    assertThat(read.source()).isEqualTo(dir.resolve("t-images-idx3-ubyte").toString());
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 30, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void idxImagesFromANamedPipeAreReadOnceAsFromAFile() throws Exception {
    Path pipe = dir.resolve("p-images-idx3-ubyte.gz");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo makes a named pipe");
    byte[] images = Files.readAllBytes(gzip("file-images-idx3-ubyte.gz", idx(0x0803, new int[] {3, 2, 2}, 12)));
    Thread writer = new Thread(() -> {
      try {
        Files.write(pipe, images); // waits for the reader to open the pipe
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.setDaemon(true); // blocked opening the pipe if no reader comes, it must not keep the JVM alive
    writer.start();
    List<Example<Labeled>> read = all(VectorRegistry.idx(dir.resolve("p"), 0, List.of()).unlabeled().read());
    writer.join();
    assertThat(read).hasSize(3);
    assertThat(read.get(2).predicted().source()).isEqualTo("p-images-idx3-ubyte.gz#2");
  }
}
