/**
 * Custom DL4J layers the zoo needs and DL4J lacks: {@link io.github.dl4jrvsm.zoo.layers.RelativeGaussianNoise}, the
 * EnResNet noise whose scale follows the spread of the activations and which stays on at inference.
 */
package io.github.dl4jrvsm.zoo.layers;
