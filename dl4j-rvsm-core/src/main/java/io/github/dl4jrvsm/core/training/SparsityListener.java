package io.github.dl4jrvsm.core.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import io.github.dl4jrvsm.core.report.SparsityReport;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import io.github.dl4jrvsm.core.splitting.SparseRegularization;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A DL4J {@code TrainingListener} that follows a sparse method while it trains: every {@code frequency} iterations and
 * at every epoch end, per layer with a sparse regularization and in total, the share of zeros in {@code u}, the share
 * of zero output channels, the distance {@code ||w - u||} and the penalty's value. Logs one SLF4J line and, when a
 * file is given, appends the record as one JSON line, so that a run can be plotted while it goes.
 *
 * <p>Works beside DL4J's own listeners ({@code ScoreIterationListener}, {@code StatsListener} for the UI): add it with
 * {@code net.addListeners(new SparsityListener(50, Path.of("sparsity.jsonl")))}. Computing {@code u} costs one prox
 * per layer, so a frequency of tens of iterations keeps the overhead small.
 */
public class SparsityListener extends BaseTrainingListener implements Serializable {

    private static final Logger LOG = LoggerFactory.getLogger(SparsityListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int frequency;
    private final String file;

    /** One layer's state: zeros and weights of {@code u}, zero output channels, {@code ||w - u||}, penalty value. */
    public record LayerRecord(String layer, long zeros, long weights, long zeroChannels, long channels, double distance,
                              double penalty) {
    }

    /**
     * What one event recorded.
     *
     * @param sparsity      share of zeros in {@code u} over the weights of the layers with a sparse method
     * @param modelSparsity share of zeros over every convolution and dense weight of the model, counting {@code u}
     *                      where a sparse method acts and the weights themselves elsewhere: the sparsity of the model
     *                      the method would export now
     */
    public record Record(String event, int iteration, int epoch, double sparsity, double modelSparsity,
                         List<LayerRecord> layers) {
    }

    /**
     * @param frequency every how many iterations to record (epoch ends are always recorded)
     * @param jsonLines the file to append JSON lines to, or null to log only
     */
    public SparsityListener(int frequency, Path jsonLines) {
        this.frequency = Validate.atLeastOne("frequency", frequency);
        this.file = jsonLines == null ? null : jsonLines.toAbsolutePath().toString();
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (iteration % frequency == 0) {
            record(model, "iteration", iteration, epoch);
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        NetworkAdapter network = NetworkAdapter.of(model);
        record(model, "epoch", (int) network.iterationCount(), network.epochCount());
    }

    /** Measures {@code model} now (also usable without training, e.g. after loading a checkpoint). */
    public static Record measure(Model model, String event, int iteration, int epoch) {
        List<LayerRecord> layers = new ArrayList<>();
        long zeros = 0, weights = 0, plainZeros = 0, plainWeights = 0;
        for (NamedLayer l : NamedLayer.of(model)) {
            SparseRegularization r = SparseExport.regularizationOf(l.config());
            if (r == null) {
                if (LayerSelection.isSupported(l.config())) {
                    INDArray w = SparseExport.weights(model, l);
                    plainZeros += w.eq(0.0).castTo(DataType.INT64).sumNumber().longValue();
                    plainWeights += w.length();
                }
                continue;
            }
            INDArray w = SparseExport.weights(model, l);
            INDArray u = r.sparseWeights(w);
            long z = u.eq(0.0).castTo(DataType.INT64).sumNumber().longValue();
            INDArray norms = GroupNorms.of(u, ChannelGrouping.OUTPUT).castTo(DataType.DOUBLE);
            long zeroChannels = norms.lt(SparsityReport.CHANNEL_ZERO_NORM).castTo(DataType.INT64).sumNumber().longValue();
            double penalty = r instanceof RelaxedSplitting s ? s.getPenalty().value(u) : Double.NaN;
            layers.add(new LayerRecord(l.name(), z, u.length(), zeroChannels, norms.length(),
                    w.distance2(u), penalty));
            zeros += z;
            weights += u.length();
        }
        long all = weights + plainWeights;
        return new Record(event, iteration, epoch, weights == 0 ? 0 : (double) zeros / weights,
                all == 0 ? 0 : (double) (zeros + plainZeros) / all, List.copyOf(layers));
    }

    private void record(Model model, String event, int iteration, int epoch) {
        Record r = measure(model, event, iteration, epoch);
        LOG.info(String.format(Locale.ROOT, "%s %d (epoch %d): %.2f%% of sparse-layer weights zero in u", event, iteration,
                epoch, 100 * r.sparsity()));
        if (file != null) {
            try {
                // one write per line: a reader never sees half a record
                Files.writeString(Path.of(file), JSON.writeValueAsString(r) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
        }
    }
}
