package dev.kiln.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.nn.io.SafeTensors;
import dev.kiln.nn.io.Tensor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * While the corpora load, which is single-threaded work, does on the spare core what the first
 * steps of training would otherwise pay for cold:
 *
 * <ul>
 *   <li>runs the checkpoint writers' libraries once on made-up data in memory (Jackson, the
 *       safetensors writer, SHA-256): the first checkpoint, at step 0, loads and initializes
 *       them on the training thread, and took 60-130 ms there against ~7 ms for the next ones;
 *       with this, 17-43 ms (Fashion-MNIST MLP, 4 runs each);
 *   <li>writes once through the JVM's young generation. The first write to each page of the heap
 *       makes the kernel map and zero it; the young generation is 512 MB (see {@code ./kiln}),
 *       and without this its first pass fell inside training: Fashion-MNIST's first epoch took
 *       0.065 s longer, the whole command 0.1 s (8 alternating runs). The arrays it allocates
 *       are garbage at once; the trainer's collection before the clock starts clears them.
 * </ul>
 */
final class SpareCoreWarmer implements AutoCloseable {
  private static final int CHUNK = 1 << 20;
  /** Where each result is stored, so that the JIT cannot drop the work. */
  private static volatile Object sink;

  private volatile boolean stopped;

  private SpareCoreWarmer() {}

  /** Starts warming when there is a core to spare. */
  static SpareCoreWarmer start() {
    SpareCoreWarmer warmer = new SpareCoreWarmer();
    if (Runtime.getRuntime().availableProcessors() > 1) {
      Thread thread = new Thread(() -> {
        warmWriters();
        warmer.allocate(edenBytes());
      }, "kiln-warm-up");
      thread.setDaemon(true);
      thread.start();
    }
    return warmer;
  }

  /** Stops warming (training is about to start); returns at once. */
  @Override
  public void close() {
    stopped = true;
  }

  /** A meta.json-like tree through Jackson, a small safetensors file and a digest, in memory. */
  private static void warmWriters() {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("pipeline", List.of("warm-up"));
    meta.put("performance", new LinkedHashMap<>(Map.of("score", 0.5, "step", 1L)));
    meta.put("stop_reason", null);
    meta.put("resumed", false);
    try {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      byte[] written = json.writeValueAsBytes(meta);
      sink = json.readTree(written);
      byte[] weights = new SafeTensors(Map.of("W", Tensor.ofF32(new float[64], 8, 8)), Map.of()).toBytes();
      sink = MessageDigest.getInstance("SHA-256").digest(weights);
    } catch (IOException | NoSuchAlgorithmException e) {
      // Only a warm-up: the real writers will report whatever is wrong.
      sink = e;
    }
  }

  private void allocate(long bytes) {
    for (long done = 0; done < bytes && !stopped; done += CHUNK) {
      sink = new byte[CHUNK];
    }
    sink = null;
  }

  /** The young generation's committed size, or 0 if there is none to find. */
  private static long edenBytes() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Eden")) {
        return pool.getUsage().getCommitted();
      }
    }
    return 0;
  }
}
