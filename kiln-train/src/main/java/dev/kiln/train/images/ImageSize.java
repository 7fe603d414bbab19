package dev.kiln.train.images;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.KilnException;

/**
 * The fixed size every image is read at.
 *
 * @param width pixels per row, at least 1
 * @param height rows, at least 1
 * @param grayscale one grey channel when true, else red, green and blue
 * @param resize whether images of another size are resized (bilinear) rather than refused
 */
record ImageSize(int width, int height, boolean grayscale, boolean resize) {
  ImageSize {
    if (width < 1 || height < 1) {
      throw new KilnException(ErrorCode.E253, "kiln.ImageFolder.v1", "width and height",
          "at least 1", width + "×" + height);
    }
    // Beyond this an image's values overflow an int, and resizing threw NegativeArraySizeException.
    if ((long) width * height * (grayscale ? 1 : 3) > Integer.MAX_VALUE) {
      throw new KilnException(ErrorCode.E253, "kiln.ImageFolder.v1", "width × height × channels",
          "at most " + Integer.MAX_VALUE + " values per image", width + " × " + height + " × " + (grayscale ? 1 : 3));
    }
    // Every image is decoded at most this large, and read at this size.
    if ((long) width * height > ImageDecoding.MAX_PIXELS) {
      throw new KilnException(ErrorCode.E253, "kiln.ImageFolder.v1", "width × height",
          "at most " + ImageDecoding.MAX_PIXELS + " pixels, the most kiln decodes in one image", width + " × " + height);
    }
  }

  int channels() {
    return grayscale ? 1 : 3;
  }
}
