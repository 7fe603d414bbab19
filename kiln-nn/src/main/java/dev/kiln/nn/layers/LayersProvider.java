package dev.kiln.nn.layers;

import dev.kiln.config.Registries;
import dev.kiln.config.RegistryProvider;
import dev.kiln.nn.init.Initializers;
import java.util.List;

/** Registers kiln-nn's layers (category {@code layers}) and initializers under Thinc's names. */
public final class LayersProvider implements RegistryProvider {
  /** Every class holding registered layer factories. */
  public static final List<Class<?>> LAYER_CLASSES = List.of(
      Linear.class, Relu.class, Softmax.class, Maxout.class, LayerNorm.class, Dropout.class,
      Sigmoid.class, Gelu.class, Swish.class, Embed.class, HashEmbed.class, Chain.class,
      Concatenate.class, Add.class, Residual.class, Clone.class, Noop.class, WithArray.class,
      SequenceLayers.class, WithSequenceForm.class, Conv2d.class, MaxPool2d.class,
      AvgPool2d.class, Flatten.class, Reshape.class, InputNorm.class, ParametricAttention.class);

  @Override
  public void register(Registries registries) {
    for (Class<?> holder : LAYER_CLASSES) {
      registries.addAll(holder);
    }
    registries.addAll(Initializers.class);
  }
}
