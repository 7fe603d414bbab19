/**
 * Layers and combinators, one factory class per layer, registered in category {@code layers}
 * under Thinc's names and parameter names ({@code Relu.v1} with {@code nO}, {@code dropout},
 * {@code normalize}, {@code init_W}, ...) so Thinc configs resolve.
 *
 * <p>Dense layers keep Thinc's layout (W is (nO, nI)); {@code Softmax}'s backprop takes the
 * gradient with respect to its logits, as Thinc's does. Combinators ({@code chain},
 * {@code concatenate}, {@code add}, {@code residual}, {@code clone}, {@code noop}) take their
 * children positionally. The sequence adapters convert between lists of arrays,
 * {@link dev.kiln.nn.array.Ragged} and {@link dev.kiln.nn.array.Padded}.
 *
 * <p>Layers Thinc lacks are registered under kiln names: the image layers
 * ({@code kiln.Reshape.v1}, {@code kiln.Conv2d.v1}, {@code kiln.MaxPool2d.v1},
 * {@code kiln.AvgPool2d.v1}, {@code kiln.Flatten.v1}) work on NHWC arrays (batch, height, width,
 * channels), the order readers store pixels in; {@code kiln.InputNorm.v1} standardises each
 * example by its own mean and deviation.
 */
package dev.kiln.nn.layers;
