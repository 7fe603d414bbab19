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
 */
package dev.kiln.nn.layers;
