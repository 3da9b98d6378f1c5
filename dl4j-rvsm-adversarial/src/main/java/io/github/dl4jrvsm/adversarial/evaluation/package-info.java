/**
 * Robustness evaluation. {@link io.github.dl4jrvsm.adversarial.evaluation.RobustnessEvaluation} measures the
 * dissertation's columns A1..A5, robust accuracy against epsilon, sparsity and gradient-masking checks;
 * {@link io.github.dl4jrvsm.adversarial.evaluation.AutoAttack} measures robust accuracy as the field reports it (the
 * AutoAttack ensembles, standard and rand) with a RobustBench-shaped
 * {@link io.github.dl4jrvsm.adversarial.evaluation.AutoAttackReport}. Every accuracy carries a 95% Wilson interval;
 * the dissertation's accuracies also keep their per-class counts
 * ({@link io.github.dl4jrvsm.adversarial.evaluation.ConfusionCounts}), from which a report gives DL4J's
 * {@code Evaluation} per attack and a per-class accuracy table.
 */
package io.github.dl4jrvsm.adversarial.evaluation;
