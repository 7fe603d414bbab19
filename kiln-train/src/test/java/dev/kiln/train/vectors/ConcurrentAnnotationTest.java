package dev.kiln.train.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.layers.Chain;
import dev.kiln.nn.layers.Relu;
import dev.kiln.nn.layers.Softmax;
import dev.kiln.nn.optimizers.Adam;
import dev.kiln.train.Example;
import dev.kiln.train.LossTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<Integer>> mismatches = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      SplittableRandom order = new SplittableRandom(t);
      mismatches.add(threads.submit(() -> {
        int wrong = 0;
        for (int call = 0; call < 100; call++) {
          int start = order.nextInt(records.size() / BATCH) * BATCH;
          List<Labeled> annotated = classifier.annotate(records.subList(start, start + BATCH));
          for (int i = 0; i < BATCH; i++) {
            wrong += annotated.get(i).scores().byClass().toString().equals(expected.get(start + i)) ? 0 : 1;
          }
        }
        return wrong;
      }));
    }
    int wrong = 0;
    for (Future<Integer> result : mismatches) {
      wrong += result.get();
    }
    threads.shutdown();

    assertThat(wrong).as("predictions that differ from one thread's").isZero();
  }
}
