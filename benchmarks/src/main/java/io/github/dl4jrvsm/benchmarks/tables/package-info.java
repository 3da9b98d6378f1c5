/**
 * Reproduction of the dissertation's tables: one {@link io.github.dl4jrvsm.benchmarks.tables.TableSpec} per table
 * (rows = methods with the dissertation's hyper-parameters and reported numbers), two scales (full CIFAR runs for a
 * GPU, a Fashion-MNIST scale for two CPU cores), a runner that drives {@code rvsm train} once per row and resumes
 * finished rows, and a Markdown writer that prints our numbers beside the dissertation's.
 */
package io.github.dl4jrvsm.benchmarks.tables;
