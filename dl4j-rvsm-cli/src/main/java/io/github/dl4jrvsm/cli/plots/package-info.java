/**
 * PNG plots of a run, drawn with XChart: one small class per picture.
 *
 * <ul>
 *   <li>{@link io.github.dl4jrvsm.cli.plots.WeightHistogramPlot}: weight values, e.g. before export against the
 *       sparse model (exact zeros counted in the legend, not drawn);</li>
 *   <li>{@link io.github.dl4jrvsm.cli.plots.ChannelNormHistogramPlot}: per-channel l2 norms of the convolution
 *       layers, with the number of zero channels;</li>
 *   <li>{@link io.github.dl4jrvsm.cli.plots.TrainingCurvesPlot}: per-epoch accuracy, robust accuracy, sparsity and
 *       loss;</li>
 *   <li>{@link io.github.dl4jrvsm.cli.plots.RobustnessCurvePlot}: robust accuracy against epsilon (in 1/255), one
 *       line per model;</li>
 *   <li>{@link io.github.dl4jrvsm.cli.plots.SensitivityPlot}: accuracy against the share of one layer pruned, one
 *       line per layer ({@code rvsm sensitivity}).</li>
 * </ul>
 *
 * <p>Each plot is configured fluently and written with {@code write(Path)}: headless (the plots set
 * {@code java.awt.headless=true} unless it is set), 800 x 500 pixels unless {@code size(w, h)} says otherwise, and
 * atomically (a temporary file in the target directory, then a move). Invalid data is refused with an
 * {@link java.lang.IllegalArgumentException} that names the series and the value. The numbers a histogram draws
 * are available as {@link io.github.dl4jrvsm.cli.plots.HistogramData}.
 */
package io.github.dl4jrvsm.cli.plots;
