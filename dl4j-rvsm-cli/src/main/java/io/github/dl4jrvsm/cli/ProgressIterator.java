package io.github.dl4jrvsm.cli;

import io.github.dl4jrvsm.core.iterator.DelegatingDataSetIterator;
import io.github.dl4jrvsm.core.training.SparsityListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.api.Model;
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
     * The sparsity of the model the method would export now, as {@link SparsityListener} measures it: {@code u =
     * prox(w)} in the sparse layers (mid-epoch {@code w} itself is rarely exactly zero), the weights elsewhere.
     */
    static double sparsity(Model model) {
        return SparsityListener.measure(model, "progress", 0, 0).modelSparsity();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
