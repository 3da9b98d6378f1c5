/** Robustness evaluation: A1..A5, robust accuracy against epsilon, sparsity, and gradient-masking checks. */
package io.github.dl4jrvsm.adversarial.evaluation;
