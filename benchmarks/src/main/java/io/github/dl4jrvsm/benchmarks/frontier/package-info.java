/**
 * Accuracy-sparsity frontiers: sweeps of lambda (RVSM, RGSM) and of the prune fraction (ADMM) at equal training
 * budgets, plotted on one chart per sweep, and a comparison of where each curve lies against ADMM's at equal sparsity.
 */
package io.github.dl4jrvsm.benchmarks.frontier;
