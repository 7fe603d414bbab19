package dev.kiln.train.images;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.IoReason;
import dev.kiln.config.KilnException;
import dev.kiln.train.Corpus;
import dev.kiln.train.Example;
import dev.kiln.train.ProblemPolicy;
import dev.kiln.train.SkippedRecords;
import dev.kiln.train.vectors.FeatureVector;
import dev.kiln.train.vectors.ImageShape;
import dev.kiln.train.vectors.Labeled;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Labelled images from a folder with one sub-folder per class, the label being the sub-folder's
 * name (torchvision's {@code ImageFolder} layout). Files ending in .png, .jpg or .jpeg count
 * as images; other files and hidden ones are skipped.
 *
 * <p>The order is fixed: classes by name, files by name within a class, taken in turn from each
 * class (the first image of every class, then the second, ...), so a {@code limit} keeps the
 * classes balanced. Each pass lists the folders again and decodes one image at a time.
 */
final class ImageFolderCorpus implements Corpus<Labeled> {
  private final Path root;
  private final ImageSize size;
  private final int limit;
  private final ProblemPolicy onBadImage;
  private final boolean unlabeled;
  /** Every image's shape once read: the size it is read (or resized) at, which the folder shares. */
  private final ImageShape shape;

  ImageFolderCorpus(Path root, ImageSize size, int limit, ProblemPolicy onBadImage) {
    this(root, size, limit, onBadImage, false);
  }

  private ImageFolderCorpus(Path root, ImageSize size, int limit, ProblemPolicy onBadImage, boolean unlabeled) {
    this.root = root;
    this.size = size;
    this.limit = limit;
    this.onBadImage = onBadImage;
    this.unlabeled = unlabeled;
    this.shape = new ImageShape(size.height(), size.width(), size.channels(), root.toString());
  }

  /**
   * The folder as {@code kiln predict} reads it: images directly in it are read too, without a
   * label (new images to classify rarely come sorted by class), before those of any class
   * sub-folders.
   */
  @Override
  public Corpus<Labeled> unlabeled() {
    return new ImageFolderCorpus(root, size, limit, onBadImage, true);
  }

  /** An image file and its class (null for an image outside any class folder). */
  record Entry(Path file, String label) {}

  /**
   * Decodes one image at a time. An image that cannot be read (a damaged file, or one of
   * another size when {@code resize} is off) stops the pass with its coded error, or with
   * {@code on_bad_image = "warn"} or {@code "ignore"} is skipped and counted, the count logged
   * at the end of the pass when warning.
   */
  @Override
  public Iterable<Example<Labeled>> read() {
    List<Entry> entries = entries();
    return () -> new Iterator<>() {
      private int next;
      private Example<Labeled> decoded;
      private final SkippedRecords skipped =
          new SkippedRecords(root, "on_bad_image", onBadImage, "image(s) that could not be read");

      @Override
      public boolean hasNext() {
        while (decoded == null && next < entries.size()) {
          Entry entry = entries.get(next++);
          try {
            decoded = Labeled.example(new FeatureVector.Pixels(pixels(entry.file()), shape), entry.label(),
                root.relativize(entry.file()).toString().replace('\\', '/'));
          } catch (KilnException problem) {
            if (onBadImage == ProblemPolicy.ERROR) {
              throw problem;
            }
            skipped.add(problem.getMessage());
          }
        }
        if (decoded == null) {
          skipped.endOfPass();
        }
        return decoded != null;
      }

      @Override
      public Example<Labeled> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Example<Labeled> example = decoded;
        decoded = null;
        return example;
      }
    };
  }

  /** The image files in reading order, at most {@code limit} of them when it is positive. */
  List<Entry> entries() {
    if (!Files.isDirectory(root)) {
      throw new KilnException(ErrorCode.E251, root, Files.exists(root) ? "not a folder" : "no such folder");
    }
    List<Entry> unsorted = new ArrayList<>();
    if (unlabeled) {
      for (Path file : sorted(root, ImageFolderCorpus::isImage)) {
        unsorted.add(new Entry(file, null));
      }
    }
    List<List<Entry>> classes = new ArrayList<>();
    for (Path folder : sorted(root, Files::isDirectory)) {
      String label = label(folder);
      List<Entry> images = new ArrayList<>();
      for (Path file : imagesUnder(folder)) {
        images.add(new Entry(file, label));
      }
      if (images.isEmpty()) {
        throw new KilnException(ErrorCode.E251, folder, "the class folder has no PNG or JPEG images");
      }
      classes.add(images);
    }
    if (classes.isEmpty() && unsorted.isEmpty()) {
      throw new KilnException(ErrorCode.E251, root,
          unlabeled ? "no PNG or JPEG images, in it or in sub-folders" : "no class sub-folders");
    }
    List<Entry> order = new ArrayList<>(unsorted);
    for (int rank = 0; order.size() < unsorted.size() + total(classes); rank++) {
      for (List<Entry> images : classes) {
        if (rank < images.size()) {
          order.add(images.get(rank));
        }
      }
    }
    return limit > 0 && limit < order.size() ? order.subList(0, limit) : order;
  }

  /**
   * The class folder's name as a label. A name the JVM's file name encoding cannot decode (a
   * UTF-8 "café" under LANG=C, or Latin-1 bytes under UTF-8) reads as "caf??" or "caf\uFFFD",
   * which would name the class wrongly, and two such classes alike: it is an error.
   */
  private static String label(Path folder) {
    String name = folder.getFileName().toString();
    boolean decoded;
    try {
      Path again = folder.resolveSibling(name);
      decoded = Files.exists(again) && Files.isSameFile(again, folder);
    } catch (IOException | InvalidPathException e) {
      decoded = false;
    }
    if (!decoded) {
      throw new KilnException(ErrorCode.E251, folder, "the class folder's name is not valid in the JVM's file name"
          + " encoding (" + System.getProperty("sun.jnu.encoding") + "), so it cannot name a label; run kiln in a UTF-8"
          + " locale (LANG=C.UTF-8) or rename the folder");
    }
    return name;
  }

  private byte[] pixels(Path file) {
    BufferedImage image = ImageDecoding.read(file, size);
    int channels = size.channels();
    float[] values = ImagePixels.read(image, channels);
    if (image.getWidth() != size.width() || image.getHeight() != size.height()) {
      values = ImagePixels.resize(values, image.getWidth(), image.getHeight(), channels,
          size.width(), size.height());
    }
    return ImagePixels.toBytes(values);
  }

  private static int total(List<List<Entry>> classes) {
    return classes.stream().mapToInt(List::size).sum();
  }

  /**
   * Whether a path is named as an image and is not a folder. A broken link or a pipe so named is
   * an image that cannot be read (E250, or skipped and counted), not a file to pass over in
   * silence.
   */
  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !Files.isDirectory(file)
        && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
  }

  /**
   * The images of a class folder, those in its sub-folders too (as torchvision's ImageFolder
   * reads them, following symbolic links), in path order; hidden files and folders are left out.
   * Without following links, a class folder that is a link held no images (E251) and a linked
   * sub-folder's images were left out without a word.
   */
  private static List<Path> imagesUnder(Path folder) {
    try (Stream<Path> paths = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
      return paths.filter(path -> !isHidden(folder.relativize(path))).filter(ImageFolderCorpus::isImage)
          .sorted().toList();
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E080, folder, IoReason.of(e));
    } catch (UncheckedIOException e) {
      throw new KilnException(ErrorCode.E080, folder, e.getCause() instanceof FileSystemLoopException loop
          ? "the symbolic link " + loop.getFile() + " leads back to a folder above it" : IoReason.of(e.getCause()));
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path name : relative) {
      if (name.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> sorted(Path folder, java.util.function.Predicate<Path> keep) {
    try (Stream<Path> children = Files.list(folder)) {
      return children.filter(path -> !path.getFileName().toString().startsWith("."))
          .filter(keep).sorted().toList();
    } catch (IOException e) {
      throw new KilnException(ErrorCode.E080, folder, IoReason.of(e));
    }
  }
}
