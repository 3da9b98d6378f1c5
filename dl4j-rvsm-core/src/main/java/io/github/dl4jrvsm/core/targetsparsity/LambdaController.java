package io.github.dl4jrvsm.core.targetsparsity;

import io.github.dl4jrvsm.core.internal.KthLargest;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.prox.ThresholdPenalty;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import io.github.dl4jrvsm.core.training.SparseExport;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.learning.regularization.Regularization;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DL4J {@code TrainingListener} that sets the lambda of RVSM/RGSM before every step so that {@code u = prox(w)}
 * has exactly the share of zeros a {@link TargetSparsity} schedules for that step.
 *
 * <p>Why lambda can be computed rather than searched for: every penalty here zeroes exactly the magnitudes (absolute
 * weights, or group norms) at or below a threshold that grows with lambda, {@code sqrt(2 lambda/beta)} for l0,
 * {@code lambda/beta} for l1 and so on ({@link ThresholdPenalty}). With {@code k} the scheduled number of zeros, a
 * threshold between the {@code k}-th and {@code (k+1)}-th smallest magnitude of the current {@code w} gives exactly
 * {@code k}, and the penalty's inverse turns it into lambda. That is exact at every step, costs one linear-time
 * selection over the weights, has nothing to tune, and cannot overshoot or oscillate, which a feedback loop on the
 * measured sparsity (raise lambda when {@code u} is too dense, a PI controller on the error) can: its lag grows with
 * the schedule's speed and it needs gains per model. It also keeps the controller stateless: a resumed run
 * recomputes lambda from the restored weights. Magnitude ties at the threshold are zeroed together, and zeros
 * already in {@code w} stay zeros, so {@code u} can only then be sparser than scheduled; at least one weight (or
 * group) of a scope is always kept.
 *
 * <p>When: in {@code iterationDone} for the next iteration (after DL4J's update, so from the weights that step will
 * start from) and in {@code onEpochStart} (after the epoch-end projection {@code w := u} has moved them). The epoch-end
 * projection and the export therefore use the lambda of the step after the last, whose sparsity is the schedule's
 * there. Lambda changes by putting a copy of the layer's {@link RelaxedSplitting} with the new penalty into its live
 * configuration, where DL4J reads it at every step and where {@code ModelSerializer} saves it.
 *
 * <p>Every lambda set is kept in {@link #trajectory()} and, if the target names a file, appended to it as a JSON line
 * ({@link LambdaStep}). {@link io.github.dl4jrvsm.core.training.SparseTraining#withTargetSparsity} adds this listener
 * and sets the first lambda when it builds or attaches a network.
 */
public class LambdaController extends BaseTrainingListener implements Serializable {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaController.class);

    private final TargetSparsity target;
    private final ThresholdPenalty penalty;
    private final List<LambdaStep> trajectory = new ArrayList<>();

    /**
     * @param target  what to reach, and when
     * @param penalty the configured penalty; every lambda is derived from it, so that a penalty with two weights keeps
     *                their ratio even after a step with lambda 0
     */
    public LambdaController(TargetSparsity target, ThresholdPenalty penalty) {
        this.target = Validate.notNull("target", target, "a TargetSparsity");
        this.penalty = Validate.notNull("penalty", penalty, "one of the io.github.dl4jrvsm.core.prox penalties");
    }

    /** The controller among {@code model}'s listeners; fails naming what would have added one. */
    public static LambdaController of(Model model) {
        for (TrainingListener l : NetworkAdapter.of(model).listeners()) {
            if (l instanceof LambdaController c) {
                return c;
            }
        }
        throw new IllegalArgumentException("The model has no LambdaController among its listeners; build or attach it "
                + "with SparseTraining.withTargetSparsity(...), or add one with addListeners");
    }

    public TargetSparsity target() {
        return target;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        update(model, iteration + 1, epoch);
    }

    @Override
    public void onEpochStart(Model model) {
        NetworkAdapter network = NetworkAdapter.of(model);
        List<LambdaStep> steps = update(model, (int) network.iterationCount(), network.epochCount());
        for (LambdaStep s : steps) {
            LOG.info(String.format(Locale.ROOT, "epoch %d, %s: target sparsity of u %.4f, lambda %.4g", s.epoch(),
                    s.scope().equals(TargetSparsity.ALL_LAYERS) ? "all sparse layers" : s.scope(), s.sparsity(),
                    s.lambda()));
        }
    }

    /**
     * Sets every controlled layer's lambda for the step {@code (iteration, epoch)} from the model's current weights.
     *
     * @return what was set, one step per entry of the target's fractions
     * @throws IllegalArgumentException when the target names a layer without RVSM/RGSM, or a shared scope has layers
     *                                  with different betas (one lambda then gives no common threshold)
     */
    public List<LambdaStep> update(Model model, int iteration, int epoch) {
        List<Controlled> layers = controlled(model);
        List<LambdaStep> steps = new ArrayList<>();
        for (Map.Entry<String, Double> e : target.fractions().entrySet()) {
            List<Controlled> scope = e.getKey().equals(TargetSparsity.ALL_LAYERS) ? layers
                    : List.of(find(layers, e.getKey()));
            double sparsity = target.schedule().sparsityAt(e.getValue(), iteration, epoch);
            double threshold = threshold(magnitudes(model, scope), sparsity);
            ThresholdPenalty p = penalty.withZeroThreshold(threshold, commonBeta(scope, iteration, epoch));
            for (Controlled c : scope) {
                c.replacePenalty(p);
            }
            steps.add(new LambdaStep(iteration, epoch, e.getKey(), sparsity, threshold, p.lambda()));
        }
        record(steps);
        return steps;
    }

    /** Every lambda set so far, oldest first. */
    public synchronized List<LambdaStep> trajectory() {
        return List.copyOf(trajectory);
    }

    /**
     * The threshold that zeroes {@code round(sparsity * n)} of the {@code n} magnitudes, at most {@code n - 1}:
     * halfway between the largest one zeroed and the smallest one kept, so that rounding in the penalty's inverse
     * cannot move a magnitude across it. Reorders {@code m}.
     */
    static double threshold(double[] m, double sparsity) {
        int k = (int) Math.min(Math.round(sparsity * m.length), m.length - 1L);
        if (k == 0) {
            return 0;
        }
        double zeroed = KthLargest.select(m, k - 1), kept = KthLargest.select(m, k);
        return zeroed + (kept - zeroed) / 2;
    }

    private double[] magnitudes(Model model, List<Controlled> scope) {
        return scope.stream()
                .flatMapToDouble(c -> Arrays.stream(penalty.magnitudes(SparseExport.weights(model, c.layer()))))
                .toArray();
    }

    private static double commonBeta(List<Controlled> scope, int iteration, int epoch) {
        double beta = scope.get(0).splitting().betaAt(iteration, epoch);
        for (Controlled c : scope) {
            double b = c.splitting().betaAt(iteration, epoch);
            Validate.check(b == beta, () -> "One target sparsity for several layers shares one lambda, which gives "
                    + "one threshold only when their beta is the same; layer '" + scope.get(0).layer().name()
                    + "' has beta " + beta + ", layer '" + c.layer().name() + "' " + b
                    + ". Give each layer its own target instead.");
        }
        return beta;
    }

    private synchronized void record(List<LambdaStep> steps) {
        trajectory.addAll(steps);
        if (target.jsonLines() == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (LambdaStep s : steps) {
            lines.append(s.toJsonLine()).append('\n');
        }
        try {
            // one write per update: a reader never sees half a line
            Files.writeString(Path.of(target.jsonLines()), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + target.jsonLines(), e);
        }
    }

    /** A layer whose weights RVSM/RGSM sparsifies, with the regularization instance its live configuration holds. */
    private record Controlled(NamedLayer layer, RelaxedSplitting splitting) {

        void replacePenalty(ThresholdPenalty p) {
            BaseLayer b = (BaseLayer) layer.config();
            List<Regularization> list = new ArrayList<>(b.getRegularization());
            list.replaceAll(r -> r == splitting ? splitting.withPenalty(p) : r);
            b.setRegularization(list);
        }
    }

    private static List<Controlled> controlled(Model model) {
        List<Controlled> out = new ArrayList<>();
        for (NamedLayer l : NamedLayer.of(model)) {
            if (SparseExport.regularizationOf(l.config()) instanceof RelaxedSplitting r) {
                Validate.check(r.getLambdaScale() == null, () -> "Layer '" + l.name() + "' has a lambda schedule ("
                        + r.getLambdaScale() + "), and a target sparsity sets lambda itself; remove one of them");
                out.add(new Controlled(l, r));
            }
        }
        Validate.check(!out.isEmpty(), () -> "A target sparsity needs layers trained with RVSM or RGSM "
                + "(RelaxedSplitting), and the model has none; its layers: " + NamedLayer.of(model).stream()
                .map(NamedLayer::name).toList());
        return out;
    }

    private static Controlled find(List<Controlled> layers, String name) {
        for (Controlled c : layers) {
            if (c.layer().name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("The target sparsity names layer '" + name + "', which RVSM/RGSM does not "
                + "sparsify; sparse layers: " + layers.stream().map(c -> c.layer().name()).toList());
    }
}
