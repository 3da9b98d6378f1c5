package io.github.dl4jrvsm.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;
import java.util.Locale;

/** Advances a progress bar (with ETA and the current loss) as training consumes batches. */
final class ProgressIterator implements DataSetIterator, AutoCloseable {

    private final DataSetIterator base;
    private final Model model;
    private final ProgressBar bar;

    ProgressIterator(DataSetIterator base, int batches, String task, Model model, boolean show) {
        this.base = base;
        this.model = model;
        this.bar = show ? new ProgressBarBuilder().setTaskName(task).setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build() : null;
    }

    @Override
    public DataSet next() {
        if (bar != null) {
            if (bar.getCurrent() > 0) {
                bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", model.score()));
            }
            bar.step();
        }
        return base.next();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("next(int) is not supported");
    }

    @Override
    public boolean hasNext() {
        return base.hasNext();
    }

    @Override
    public int inputColumns() {
        return base.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return base.totalOutcomes();
    }

    @Override
    public boolean resetSupported() {
        return base.resetSupported();
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        base.reset();
    }

    @Override
    public int batch() {
        return base.batch();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor p) {
        base.setPreProcessor(p);
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return base.getPreProcessor();
    }

    @Override
    public List<String> getLabels() {
        return base.getLabels();
    }
}
