package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.iterator.DelegatingDataSetIterator;
import io.github.dl4jrvsm.core.splitting.SparseRegularization;
import io.github.dl4jrvsm.core.training.LayerSelection;
import io.github.dl4jrvsm.core.training.SparseExport;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.Locale;

/**
 * Advances a progress bar as training consumes batches: ETA, the current loss, the current sparsity of {@code u}
 * (recounted every {@value #SPARSITY_EVERY} batches: one prox per sparse layer) and the validation accuracy of the
 * last epoch.
 */
final class ProgressIterator extends DelegatingDataSetIterator implements AutoCloseable {

    static final int SPARSITY_EVERY = 10;

    private final Model model;
    private final ProgressBar bar;
    private final String lastAccuracy;
    private double sparsity = Double.NaN;

    ProgressIterator(DataSetIterator base, int batches, String task, Model model, boolean show, double lastValAccuracy) {
        super(base);
        this.model = model;
        this.lastAccuracy = Double.isNaN(lastValAccuracy) ? "" : String.format(Locale.ROOT, "  val acc %.1f%%", 100 * lastValAccuracy);
        this.bar = show ? new ProgressBarBuilder().setTaskName(task).setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build() : null;
    }

    @Override
    public DataSet next() {
        if (bar != null) {
            if (bar.getCurrent() % SPARSITY_EVERY == 0) {
                sparsity = sparsity(model);
            }
            if (bar.getCurrent() > 0) {
                bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f  sparsity %.1f%%%s", model.score(),
                        100 * sparsity, lastAccuracy));
            }
            bar.step();
        }
        return base.next();
    }

    /**
     * Share of exact zeros over the convolution and dense weights right now, counting a sparse layer's {@code u =
     * prox(w)} (what the method exports; mid-epoch {@code w} itself is rarely exactly zero) and a plain layer's weights.
     */
    static double sparsity(Model model) {
        long zeros = 0, total = 0;
        for (var l : NamedLayer.of(model)) {
            if (LayerSelection.isSupported(l.config())) {
                var w = SparseExport.weights(model, l);
                SparseRegularization r = SparseExport.regularizationOf(l.config());
                var counted = r == null ? w : r.sparseWeights(w);
                zeros += counted.eq(0.0).castTo(DataType.INT64).sumNumber().longValue();
                total += counted.length();
            }
        }
        return total == 0 ? 0 : (double) zeros / total;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
