package dev.kiln.nn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.nn.Model;
import dev.kiln.nn.array.Floats;
import org.junit.jupiter.api.Test;

/** {@link Dropout#setRates}, spaCy's {@code set_dropout_rate}: what a training step's rate reaches. */
class DropoutRatesTest {
  @Test
  void everyLayerWithARateTakesTheStepsRateAndOthersStayWithout() {
    Model<?, ?> withRate = HashEmbed.create(8, 100, 1, 0, null, 0.0);
    Model<?, ?> without = HashEmbed.create(8, 100, 2, 0, null, null);
    Model<Floats, Floats> dropout = Dropout.create(0.0);
    Model<Floats, Floats> maxout = Maxout.normalizedWithDropout(8, 16, 3, 0.0);
    Model<?, ?> model = Chain.create(Concatenate.create(withRate, without), maxout, dropout);

    Dropout.setRates(model, 0.25);

    assertThat(withRate.attrs()).containsEntry("dropout_rate", 0.25);
    assertThat(maxout.attrs()).containsEntry("dropout_rate", 0.25);
    assertThat(Dropout.rate(dropout)).isEqualTo(0.25);
    // Thinc's HashEmbed(dropout=None) has no rate for set_dropout_rate to set.
    assertThat(without.attrs().get("dropout_rate")).isNull();
    assertThat(model.attrs()).doesNotContainKey("dropout_rate");
  }
}
