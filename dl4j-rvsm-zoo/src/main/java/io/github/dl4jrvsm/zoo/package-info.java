/**
 * Networks of the RVSM dissertation's experiments as DL4J configurations, built only from DL4J's own layers (plus
 * one noise layer), so that the core's sparse training accepts every convolution and dense layer.
 *
 * <ul>
 *   <li>{@link io.github.dl4jrvsm.zoo.ResNetCifar}: CIFAR ResNets of depth 6n+2 (ResNet20/38/56), pre- or
 *       post-activation ({@link io.github.dl4jrvsm.zoo.ResNetVariant});</li>
 *   <li>{@link io.github.dl4jrvsm.zoo.EnResNet}: ensembles of them trained as one graph, with Gaussian noise scaled
 *       by the activations' standard deviation after every residual sum;</li>
 *   <li>{@link io.github.dl4jrvsm.zoo.LeNet5}, {@link io.github.dl4jrvsm.zoo.Vgg16} (with batch norm) and
 *       {@link io.github.dl4jrvsm.zoo.ResNet18}, in their CIFAR forms.</li>
 * </ul>
 *
 * Every model is an immutable value ({@link io.github.dl4jrvsm.zoo.ZooModel}) whose {@code with} methods return
 * changed copies: the input shape ({@link io.github.dl4jrvsm.zoo.InputShape}, e.g. Fashion-MNIST 1x28x28 or CIFAR
 * 3x32x32), class count, updater, seed and weight initialisation; {@code conf()} gives the DL4J configuration and {@code init()} an
 * initialised network:
 *
 * <pre>{@code
 * ComputationGraph net = SparseTraining.rgsm(new GroupL0LassoPenalty(5e-2, 1e-5), 1.0).withBatchNormData(bnData)
 *         .graph(EnResNet.of(2, 20).withInputShape(InputShape.CIFAR).conf());
 * }</pre>
 */
package io.github.dl4jrvsm.zoo;
