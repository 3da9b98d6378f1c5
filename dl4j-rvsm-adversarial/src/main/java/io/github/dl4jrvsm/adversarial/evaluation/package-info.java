/**
 * Robustness evaluation: A1..A5, robust accuracy against epsilon, sparsity, and gradient-masking checks. Every
 * accuracy keeps its per-class counts ({@link io.github.dl4jrvsm.adversarial.evaluation.ConfusionCounts}), from
 * which a report gives DL4J's {@code Evaluation} per attack and a per-class accuracy table.
 */
package io.github.dl4jrvsm.adversarial.evaluation;
