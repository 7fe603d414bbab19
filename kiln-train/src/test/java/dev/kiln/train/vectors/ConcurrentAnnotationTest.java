package dev.kiln.train.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Relu;
import dev.kiln.nn.layers.Softmax;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.train.ConcurrentCalls;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A trained image classifier serves several request threads at once (a Java team's server):
 * each thread gets the predictions one thread alone gets. The classifier once filled one shared
 * input matrix per batch size, so two threads overwrote each other's pixels.
 */
class ConcurrentAnnotationTest {
  private static final int WIDTH = 784;
  private static final int BATCH = 64;

  @Test
  void severalThreadsAnnotatingAtOnceGetTheSequentialPredictions() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    List<Example<Labeled>> examples = new ArrayList<>();
    for (int i = 0; i < 512; i++) {
      float[] pixels = new float[WIDTH];
      for (int p = 0; p < WIDTH; p++) {
        pixels[p] = (float) random.nextDouble();
      }
      examples.add(Labeled.example(new FeatureVector.Dense(pixels), pixels[0] > 0.5 ? "bright" : "dark"));
    }
    Classifier classifier = new Classifier("classifier", Chain.create(Relu.create(64, 0.0), Softmax.create()));
    classifier.initialize(() -> examples, 3);
    // Trained a little: a fresh softmax layer has zero weights and gives every record 0.5/0.5.
    Adam adam = new Adam(0.01);
    for (int step = 0; step < 20; step++) {
      classifier.update(examples.subList((step % 8) * BATCH, (step % 8 + 1) * BATCH), 0.0, new LossTotals());
      classifier.finishUpdate(adam);
    }
    List<Labeled> records = examples.stream().map(Example::predicted).toList();
    List<String> expected = new ArrayList<>();
    for (int start = 0; start < records.size(); start += BATCH) {
      classifier.annotate(records.subList(start, start + BATCH)).forEach(r -> expected.add(r.scores().byClass().toString()));
    }

    int wrong = ConcurrentCalls.mismatches(4, 100, 0, order -> {
      int start = order.nextInt(records.size() / BATCH) * BATCH;
      List<Labeled> annotated = classifier.annotate(records.subList(start, start + BATCH));
      int differing = 0;
      for (int i = 0; i < BATCH; i++) {
        differing += annotated.get(i).scores().byClass().toString().equals(expected.get(start + i)) ? 0 : 1;
      }
      return differing;
    });

    assertThat(wrong).as("predictions that differ from one thread's").isZero();
  }
}
