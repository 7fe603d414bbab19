package dev.kiln.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random valid tag sequences survive every conversion and back. */
class BiluoRoundTripTest {
  private static final List<String> LABELS = List.of("PER", "LOC");

  @Test
  void iobConversionsRoundTrip() {
    Random random = new Random(310);
    for (int trial = 0; trial < 1000; trial++) {
      List<String> biluo = randomBiluo(random, 1 + random.nextInt(15));
      assertThat(Biluo.isValid(biluo)).isTrue();
      for (IobScheme scheme : IobScheme.values()) {
        List<String> iob = Biluo.toIob(biluo, scheme);
        assertThat(Biluo.fromIob(iob, scheme)).as("%s via %s %s", biluo, scheme, iob).isEqualTo(biluo);
      }
    }
  }

  @Test
  void spansRoundTrip() {
    Random random = new Random(311);
    for (int trial = 0; trial < 500; trial++) {
      List<String> biluo = randomBiluo(random, 1 + random.nextInt(15));
      List<String> words = new ArrayList<>();
      biluo.forEach(t -> words.add("w" + words.size()));
      Doc doc = Doc.ofWords(words);
      List<Span> spans = Biluo.toSpans(doc, biluo);
      assertThat(Biluo.fromTokenSpans(doc.length(), spans)).isEqualTo(biluo);
      assertThat(Biluo.fromSpans(doc, spans.stream().map(Span::charSpan).toList())).isEqualTo(biluo);
    }
  }

  private static List<String> randomBiluo(Random random, int length) {
    List<String> tags = new ArrayList<>(length);
    while (tags.size() < length) {
      int room = length - tags.size();
      int size = Math.min(room, 1 + random.nextInt(4));
      String label = LABELS.get(random.nextInt(LABELS.size()));
      if (random.nextInt(3) == 0) {
        tags.add("O");
      } else if (size == 1) {
        tags.add("U-" + label);
      } else {
        tags.add("B-" + label);
        for (int k = 1; k < size - 1; k++) {
          tags.add("I-" + label);
        }
        tags.add("L-" + label);
      }
    }
    return tags;
  }
}
