package dev.kiln.nn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccuracySpreadTest {
  @Test
  void summarisesTheSeedsAgainstTheTarget() {
    String line = new AccuracySpread("kiln", 3, new double[] {0.8636, 0.8700, 0.8764}).line();
    assertThat(line).isEqualTo("test_acc_over_seeds kiln seeds 3-5: mean=0.8700 sd=0.0064"
        + " min=0.8636 max=0.8764 at_or_above_0.867=2/3");
  }

  @Test
  void seedsDefaultToOneAndAreParsed() {
    assertThat(BenchOptions.parse(new String[] {"--epochs", "2"}).seeds()).isEqualTo(1);
    BenchOptions options = BenchOptions.parse(new String[] {"--seed", "4", "--seeds", "8"});
    assertThat(options.seed()).isEqualTo(4);
    assertThat(options.seeds()).isEqualTo(8);
  }
}
