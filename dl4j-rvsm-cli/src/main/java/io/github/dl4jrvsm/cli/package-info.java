/**
 * The {@code rvsm} command line (picocli): {@code train}, {@code evaluate} and {@code report}, with run directories
 * holding the model, checkpoints, {@code report.json}, {@code report.md} and PNG plots.
 */
package io.github.dl4jrvsm.cli;
