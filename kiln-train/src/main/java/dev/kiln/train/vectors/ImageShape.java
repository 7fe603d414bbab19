package dev.kiln.train.vectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.config.ErrorCode;
import dev.kiln.config.JsonFiles;
import dev.kiln.config.KilnException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of images given as rows of pixels (row-major, channels interleaved), and where they
 * were read from. A model trained on images of one shape reads another's pixels as noise, even
 * when their count is the same (14×56 against 28×28), so a classifier keeps the shape it was
 * trained on and refuses others.
 *
 * @param height rows of pixels, at least 1
 * @param width pixels per row, at least 1
 * @param channels values per pixel, at least 1 (1 grey, 3 RGB)
 * @param source the file or folder the images were read from, for messages; not part of the shape
 */
public record ImageShape(int height, int width, int channels, String source) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "image_shape.json";

  /** Whether {@code other} has the same height, width and channels, wherever it was read from. */
  public boolean sameShape(ImageShape other) {
    return height == other.height && width == other.width && channels == other.channels;
  }

  /** {@code 28×28×1}: height × width × channels. */
  public String describe() {
    return height + "×" + width + "×" + channels;
  }

  /** Writes {@code image_shape.json} (the shape, not the source) into a component's folder. */
  void save(Path folder) throws IOException {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("height", height);
    shape.put("width", width);
    shape.put("channels", channels);
    JSON.writeValue(folder.resolve(FILE).toFile(), shape);
  }

  /**
   * Reads what {@link #save} wrote; empty for a component saved without it (not trained on
   * images, or saved before kiln kept the shape).
   */
  static Optional<ImageShape> load(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Map<String, Integer> shape = JsonFiles.read(file, new TypeReference<Map<String, Integer>>() {});
    for (String dimension : new String[] {"height", "width", "channels"}) {
      if (shape.get(dimension) == null || shape.get(dimension) < 1) {
        throw new KilnException(ErrorCode.E083, file, "its " + dimension + " is " + shape.get(dimension)
            + ", expected a whole number of at least 1");
      }
    }
    return Optional.of(new ImageShape(shape.get("height"), shape.get("width"), shape.get("channels"), file.toString()));
  }
}
