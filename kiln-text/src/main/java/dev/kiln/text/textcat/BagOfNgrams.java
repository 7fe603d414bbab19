package dev.kiln.text.textcat;

import dev.kiln.nn.Backprop;
import dev.kiln.nn.ForwardResult;
import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import dev.kiln.nn.ops.Ops;
import dev.kiln.nn.ops.WorkPool;
import dev.kiln.text.Doc;
import dev.kiln.text.Token;
import java.util.List;

/**
 * spaCy's bag-of-n-grams text classifier ({@code TextCatBOW}): each document's lower-cased
 * unigrams up to {@code ngram_size}-grams are hashed into two of {@code length} buckets each (as
 * Thinc's {@code SparseLinear} does), a sparse linear
 * layer sums the buckets' weight columns, and a softmax (exclusive classes) or sigmoid gives the
 * class scores. The backward pass takes {@code scores - truths}, the gradient of both the
 * cross-entropy of a softmax and the squared error spaCy uses for multilabel scores with respect
 * to the logits, as Thinc's output layers do.
 */
final class BagOfNgrams {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long SECOND_SEED = 0x9e3779b97f4a7c15L;

  private static final String NAME = "bow";

  private BagOfNgrams() {}

  /** Whether {@code model} was made by {@link #create}. */
  static boolean isBagOfNgrams(Model<?, ?> model) {
    return NAME.equals(model.name()) && model.attrs().get("exclusive") instanceof Boolean;
  }

  static Model<List<Doc>, Floats> create(boolean exclusive, int ngramSize, int length, Integer nO) {
    return Model.<List<Doc>, Floats>builder(NAME, BagOfNgrams::forward)
        .init(BagOfNgrams::init)
        .dim("nO", nO)
        .dim("length", length)
        .params("W", "b")
        .attr("exclusive", exclusive)
        .attr("ngram_size", ngramSize)
        .build();
  }

  private static void init(Model<List<Doc>, Floats> model, List<Doc> x, Floats y) {
    if (y != null) {
      model.setDim("nO", y.cols());
    }
    model.setParam("W", Floats.zeros(model.getDim("nO"), model.getDim("length")));
    model.setParam("b", Floats.zeros(model.getDim("nO")));
  }

  /**
   * Documents are scored on the pool, a document per task; the gradient is scattered on the
   * pool a class per task, so no two threads add to the same weights and every weight's sum
   * runs in the same order as on one thread.
   */
  private static ForwardResult<List<Doc>, Floats> forward(Model<List<Doc>, Floats> model,
      List<Doc> docs, boolean isTrain) {
    int nO = model.getDim("nO");
    int length = model.getDim("length");
    int ngramSize = ((Number) model.attrs().get("ngram_size")).intValue();
    boolean exclusive = (Boolean) model.attrs().get("exclusive");
    float[] w = model.getParam("W").data();
    float[] b = model.getParam("b").data();
    int[][] buckets = new int[docs.size()][];
    Floats scores = Floats.zeros(docs.size(), nO);
    float[] y = scores.data();
    WorkPool pool = Ops.get().pool();
    pool.parallelFor(docs.size(), 1, (first, end) -> {
      for (int row = first; row < end; row++) {
        buckets[row] = buckets(docs.get(row), ngramSize, length);
        for (int o = 0; o < nO; o++) {
          float sum = b[o];
          int base = o * length;
          for (int bucket : buckets[row]) {
            sum += w[base + bucket];
          }
          y[row * nO + o] = sum;
        }
        activate(y, row * nO, nO, exclusive);
      }
    });
    Backprop<List<Doc>, Floats> backprop = dY -> {
      float[] dW = model.grad("W").data();
      float[] db = model.grad("b").data();
      float[] d = dY.data();
      pool.parallelFor(nO, 1, (firstClass, endClass) -> {
        for (int row = 0; row < buckets.length; row++) {
          for (int o = firstClass; o < endClass; o++) {
            float g = d[row * nO + o];
            db[o] += g;
            int base = o * length;
            for (int bucket : buckets[row]) {
              dW[base + bucket] += g;
            }
          }
        }
      });
      return null;
    };
    return new ForwardResult<>(scores, backprop);
  }

  private static void activate(float[] y, int offset, int n, boolean exclusive) {
    if (exclusive) {
      float max = Float.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, y[offset + i]);
      }
      float sum = 0;
      for (int i = 0; i < n; i++) {
        y[offset + i] = (float) Math.exp(y[offset + i] - max);
        sum += y[offset + i];
      }
      for (int i = 0; i < n; i++) {
        y[offset + i] /= sum;
      }
    } else {
      for (int i = 0; i < n; i++) {
        y[offset + i] = (float) (1 / (1 + Math.exp(-y[offset + i])));
      }
    }
  }

  /** The hashed buckets of a document's n-grams of lower-cased tokens, two per n-gram (repeats counted). */
  static int[] buckets(Doc doc, int ngramSize, int length) {
    List<Token> tokens = doc.tokens();
    int n = tokens.size();
    long[] unigrams = new long[n];
    for (int i = 0; i < n; i++) {
      unigrams[i] = hash(FNV_OFFSET, tokens.get(i).lower());
    }
    int count = 0;
    for (int size = 1; size <= ngramSize; size++) {
      count += Math.max(0, n - size + 1);
    }
    // Two buckets per n-gram, as Thinc's SparseLinear hashes each key twice: a collision then
    // shares only half of an n-gram's weight, and the spam benchmark's dev F rose to Thinc's.
    int[] buckets = new int[2 * count];
    int k = 0;
    for (int size = 1; size <= ngramSize; size++) {
      for (int start = 0; start + size <= n; start++) {
        long h = unigrams[start];
        for (int j = 1; j < size; j++) {
          h = (h ^ unigrams[start + j]) * FNV_PRIME + size;
        }
        buckets[k++] = bucket(mix(h), length);
        buckets[k++] = bucket(mix(h ^ SECOND_SEED), length);
      }
    }
    return buckets;
  }

  /**
   * {@code hash mod length}, unsigned. For a power of two (spaCy's 2^18 buckets) that is the low
   * bits, the same value without the division, which was a fifth of the bag's training time.
   */
  private static int bucket(long hash, int length) {
    if ((length & (length - 1)) == 0) {
      return (int) (hash & (length - 1));
    }
    return (int) Long.remainderUnsigned(hash, length);
  }

  /** MurmurHash3's 64-bit finalizer, so the two buckets of an n-gram are independent. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  private static long hash(long seed, String text) {
    long h = seed;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * FNV_PRIME;
    }
    return h;
  }
}
