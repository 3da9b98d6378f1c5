/**
 * The {@code rvsm} command line (picocli): {@code compare} (the main job), {@code train}, {@code evaluate},
 * {@code report}, {@code prune-export}, {@code sensitivity}, {@code compress}, {@code decompress} and {@code infer},
 * with run directories holding the model, checkpoints, {@code report.json}, {@code report.md} and PNG plots.
 */
package io.github.dl4jrvsm.cli;
