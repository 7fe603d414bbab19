package dev.kiln.text;

import java.util.ArrayList;
import java.util.List;

/** Conversion between the IOB schemes and BILUO, through IOB2 as the common form. */
final class IobConversion {
  private IobConversion() {}

  static List<String> toBiluo(List<String> iob, IobScheme scheme) {
    List<BiluoTag> begins = toIob2(iob, scheme);
    List<String> biluo = new ArrayList<>(begins.size());
    for (int t = 0; t < begins.size(); t++) {
      BiluoTag tag = begins.get(t);
      if (tag.move() != 'B' && tag.move() != 'I') {
        biluo.add(tag.toString());
        continue;
      }
      boolean continues = t + 1 < begins.size() && begins.get(t + 1).move() == 'I'
          && begins.get(t + 1).label().equals(tag.label());
      char move = tag.move() == 'B' ? (continues ? 'B' : 'U') : (continues ? 'I' : 'L');
      biluo.add(move + "-" + tag.label());
    }
    return biluo;
  }

  static List<String> fromBiluo(List<String> biluo, IobScheme scheme) {
    List<String> iob = new ArrayList<>(biluo.size());
    BiluoTag previous = null;
    for (String text : biluo) {
      BiluoTag tag = BiluoTag.parse(text);
      switch (tag.move()) {
        case 'B', 'U' -> {
          // IOB1 marks a beginning only where an entity of the same label ends just before.
          boolean adjacent = previous != null && (previous.move() == 'L' || previous.move() == 'U')
              && previous.label().equals(tag.label());
          iob.add((scheme == IobScheme.IOB2 || adjacent ? "B-" : "I-") + tag.label());
        }
        case 'I', 'L' -> iob.add("I-" + tag.label());
        default -> iob.add(tag.toString());
      }
      previous = tag;
    }
    return iob;
  }

  /**
   * Reads either scheme into IOB2 moves. An {@code I-} that does not continue an entity of its
   * label starts one, which is IOB1's rule and the lenient reading of a broken IOB2 file.
   */
  private static List<BiluoTag> toIob2(List<String> iob, IobScheme scheme) {
    List<BiluoTag> out = new ArrayList<>(iob.size());
    BiluoTag previous = null;
    for (String text : iob) {
      BiluoTag tag = BiluoTag.parse(text);
      if (tag.move() == 'L' || tag.move() == 'U') {
        throw new dev.kiln.config.KilnException(dev.kiln.config.ErrorCode.E306, text);
      }
      if (tag.move() == 'I') {
        boolean continues = previous != null && (previous.move() == 'B' || previous.move() == 'I')
            && previous.label().equals(tag.label());
        tag = new BiluoTag(continues ? 'I' : 'B', tag.label());
      }
      out.add(tag);
      previous = tag;
    }
    return out;
  }
}
