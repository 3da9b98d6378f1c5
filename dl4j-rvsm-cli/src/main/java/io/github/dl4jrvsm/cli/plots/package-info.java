/** PNG plots of a run (XChart): weight histograms, channel norms, training curves, robust accuracy against epsilon. */
package io.github.dl4jrvsm.cli.plots;
