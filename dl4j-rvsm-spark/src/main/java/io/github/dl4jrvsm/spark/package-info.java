/**
 * RVSM/RGSM/ADMM training on Spark with DL4J's own {@code SparkDl4jMultiLayer} / {@code SparkComputationGraph} and
 * parameter averaging. The methods travel inside the network configuration; parameter averaging makes the weights
 * dense again, and because RVSM/RGSM export {@code u = prox(w)} from the averaged weights the exported model is exactly
 * sparse after every round. Adversarial training reaches the executors as a training hook
 * ({@link io.github.dl4jrvsm.spark.AdversarialTrainingHook}), because Spark, not the user, builds each worker's
 * iterator.
 */
package io.github.dl4jrvsm.spark;
