/**
 * Target sparsity: the user names the share of zeros {@code u} should have and when, and lambda follows. A
 * {@link io.github.dl4jrvsm.core.targetsparsity.SparsitySchedule} (by default the cubic ramp of gradual magnitude
 * pruning) says how sparse {@code u} is at each step, a {@link io.github.dl4jrvsm.core.targetsparsity.TargetSparsity}
 * for which layers, and the {@link io.github.dl4jrvsm.core.targetsparsity.LambdaController}, a DL4J
 * {@code TrainingListener}, sets the lambda of RVSM/RGSM before every step so that {@code u} has exactly that share,
 * recording the lambdas it chose.
 */
package io.github.dl4jrvsm.core.targetsparsity;
