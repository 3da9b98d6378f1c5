/**
 * Networks of the RVSM dissertation's experiments as DL4J configurations: CIFAR-style ResNets (6n+2), EnResNet
 * ensembles with Gaussian noise in every residual branch, LeNet-5, VGG16 and ResNet18.
 */
package io.github.dl4jrvsm.zoo;
