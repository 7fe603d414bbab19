package dev.kiln.nn.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void aThreadGetsItsOwnBufferBackAndItGrowsOnDemand() throws InterruptedException {
    float[] small = Scratch.floats(10);
    assertThat(small.length).isGreaterThanOrEqualTo(10);
    assertThat(Scratch.floats(5)).isSameAs(small);
    float[] larger = Scratch.floats(small.length + 1);
    assertThat(larger.length).isGreaterThan(small.length);
    assertThat(Scratch.floats(3)).isSameAs(larger);
    AtomicReference<float[]> other = new AtomicReference<>();
    Thread thread = new Thread(() -> other.set(Scratch.floats(3)));
    thread.start();
    thread.join();
    assertThat(other.get()).isNotSameAs(larger);
  }

  @Test
  void aHugeRequestIsNotKept() {
    float[] kept = Scratch.floats(100);
    float[] huge = Scratch.floats((1 << 23) + 1);
    assertThat(huge.length).isEqualTo((1 << 23) + 1);
    assertThat(Scratch.floats(100)).isSameAs(kept);
  }
}
