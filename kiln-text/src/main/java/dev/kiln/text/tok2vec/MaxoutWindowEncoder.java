package dev.kiln.text.tok2vec;

import dev.kiln.config.ErrorCode;
import dev.kiln.config.RejectedArgument;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.array.Ragged;
import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Clone;
import dev.kiln.nn.layers.Maxout;
import dev.kiln.nn.layers.Residual;
import dev.kiln.nn.layers.SequenceLayers;
import dev.kiln.nn.layers.WithArray;
import java.util.List;

/**
 * spaCy's {@code MaxoutWindowEncoder.v2}: {@code depth} residual blocks, each concatenating
 * every token vector with its {@code window_size} neighbours on each side (within its document)
 * and mapping them back to {@code width} with Maxout and layer normalisation.
 */
public final class MaxoutWindowEncoder {
  private MaxoutWindowEncoder() {}

  /**
   * @param width the input and output width per token
   * @param windowSize neighbours on each side a block sees (1 means three tokens)
   * @param maxoutPieces pieces of each Maxout unit
   * @param depth the number of residual blocks; the receptive field is {@code windowSize·depth}
   *     tokens on each side
   */
  public static Model<List<Floats>, List<Floats>> create(int width, int windowSize, int maxoutPieces, int depth) {
    if (windowSize < 0) {
      throw new RejectedArgument("window_size", ErrorCode.E106, "maxout_window_encoder", "window_size", "at least 0", windowSize);
    }
    if (depth < 0) {
      throw new RejectedArgument("depth", ErrorCode.E106, "maxout_window_encoder", "depth", "at least 0", depth);
    }
    // Dropout 0.0, as spaCy builds it: training sets the rate ([training] dropout).
    Model<Floats, Floats> maxout = Maxout.normalizedWithDropout(width, width * (2 * windowSize + 1), maxoutPieces, 0.0);
    Model<Ragged, Ragged> block = Chain.create(SequenceLayers.expandWindow(windowSize), WithArray.create(maxout, 0));
    // Ragged input keeps each document its own sequence, so windows never reach into the next.
    Model<List<Floats>, List<Floats>> model = Chain.create(
        SequenceLayers.list2ragged(), Clone.create(Residual.create(block), depth), SequenceLayers.ragged2list());
    model.setDim("nO", width);
    model.attrs().put("receptive_field", windowSize * depth);
    return model;
  }
}
