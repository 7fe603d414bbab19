/**
 * Thinc's model API in Java: a {@link dev.kiln.nn.Model} holds a forward function that returns
 * its output and a {@link dev.kiln.nn.Backprop} callback, plus dimensions, parameters,
 * gradients and child layers.
 *
 * <pre>{@code
 * Model<Floats, Floats> model = Chain.create(Relu.create(256, 0.2), Relu.create(256, 0.2),
 *     Softmax.create());
 * model.initialize(sampleX, sampleY, seed);          // infers nI, nO; seeded weights
 * ForwardResult<Floats, Floats> r = model.beginUpdate(x);
 * r.backprop().accumulate(loss.compute(r.output(), labels).gradient());
 * model.finishUpdate(adam);                          // keys like "chain/0-chain/0-relu:W"
 * }</pre>
 *
 * <p>Layers live in {@code dev.kiln.nn.layers} (registered under Thinc's names), the CPU engine
 * in {@code dev.kiln.nn.ops}, initializers in {@code dev.kiln.nn.init}.
 */
package dev.kiln.nn;
