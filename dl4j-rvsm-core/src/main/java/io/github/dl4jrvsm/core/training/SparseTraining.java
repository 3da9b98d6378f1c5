package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.admm.AdmmPruning;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.prox.GroupPenalty;
import io.github.dl4jrvsm.core.prox.Penalty;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupL0Penalty;
import io.github.dl4jrvsm.core.prox.ThresholdPenalty;
import io.github.dl4jrvsm.core.splitting.Coupling;
import io.github.dl4jrvsm.core.splitting.GroupLassoLoss;
import io.github.dl4jrvsm.core.splitting.RelaxedSplitting;
import io.github.dl4jrvsm.core.splitting.SparseRegularization;
import io.github.dl4jrvsm.core.splitting.WeightLayout;
import io.github.dl4jrvsm.core.targetsparsity.LambdaController;
import io.github.dl4jrvsm.core.targetsparsity.SparsitySchedule;
import io.github.dl4jrvsm.core.targetsparsity.TargetSparsity;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.regularization.Regularization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one-line entry point: turns an existing DL4J configuration or network into one that trains sparse.
 *
 * <pre>{@code
 * MultiLayerNetwork net = SparseTraining.rvsm(new L0Penalty(1e-6), 1e-2).network(conf);        // RVSM-l0
 * ComputationGraph g = SparseTraining.rgsm(new GroupL0LassoPenalty(5e-2, 1e-5), 1.0)
 *         .withBatchNormData(bnIterator).graph(graphConf);                                      // RGSM
 * MultiLayerNetwork t = SparseTraining.rvsm(new L0Penalty(0), 1e-2).withTargetSparsity(0.9, 30).network(conf);
 *                                                         // lambda set each step: 90% zeros in u from epoch 30 on
 * }</pre>
 *
 * <p>Defaults: every convolution and dense weight (never biases or batch norm); the coupling beside the base updater
 * ({@link Coupling#BESIDE_UPDATER}); {@code w} replaced by {@code u} at each epoch end, as the authors' code does,
 * with batch-norm statistics then re-estimated from {@value BatchNormStatistics#DEFAULT_MAX_BATCHES} batches (which
 * needs {@link #withBatchNormData} when the model has batch norm). The base updater (Sgd, Nesterovs, Adam, ...) stays
 * whatever the configuration says.
 *
 * <p>Immutable: every {@code with} method returns a changed copy, so one value can be shared and varied safely.
 *
 * @param regularization          the method, bound to each selected layer by {@link SparseRegularization#forLayer}
 * @param layers                  the layers to sparsify (see {@link #withLayers}); empty means all supported ones
 * @param replaceWeightsEachEpoch whether {@code w} becomes {@code u} at each epoch end (RVSM/RGSM only)
 * @param batchNormData           data for the batch-norm re-estimation, or null
 * @param batchNormBatches        how many batches of it to use
 * @param reestimateBatchNorm     whether to re-estimate batch-norm statistics after the replacement
 * @param lossTerm                a term added to the training loss of the same layers (such as the authors' RGSM group
 *                                lasso, {@link GroupLassoLoss}), or null
 * @param targetSparsity          the share of zeros lambda is adapted to at every step (see
 *                                {@link #withTargetSparsity}), or null for the lambda as configured
 */
public record SparseTraining(SparseRegularization regularization, Set<String> layers, boolean replaceWeightsEachEpoch,
                             DataSetIterator batchNormData, int batchNormBatches, boolean reestimateBatchNorm,
                             Regularization lossTerm, TargetSparsity targetSparsity) {

    public SparseTraining {
        if (regularization == null) {
            throw new IllegalArgumentException("regularization must not be null");
        }
        if (batchNormBatches < 1) {
            throw new IllegalArgumentException("maxBatches must be >= 1, got " + batchNormBatches);
        }
        layers = layers == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(layers));
        if (targetSparsity != null) {
            requireLambdaToControl(regularization);
        }
    }

    private SparseTraining(SparseRegularization regularization) {
        this(regularization, Set.of(), true, null, BatchNormStatistics.DEFAULT_MAX_BATCHES, true, null, null);
    }

    /** RVSM with an element-wise penalty (l0, l1, transformed l1). */
    public static SparseTraining rvsm(Penalty penalty, double beta) {
        if (penalty instanceof GroupPenalty) {
            throw new IllegalArgumentException(penalty + " is a group penalty: use SparseTraining.rgsm for it");
        }
        return new SparseTraining(new RelaxedSplitting(penalty, beta));
    }

    /** RGSM: relaxed splitting with a group penalty (group lasso, group l0, group l0 + lasso). */
    public static SparseTraining rgsm(GroupPenalty penalty, double beta) {
        return new SparseTraining(new RelaxedSplitting(penalty, beta));
    }

    /**
     * RGSM as the authors' code runs it: a group-l0 prox ({@code lambda1}, threshold {@code sqrt(2 lambda1/beta)})
     * and the group lasso ({@code lambda2}) in the training loss. {@link #rgsm} with a
     * {@link io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty} is the dissertation's formula, both terms in the prox.
     */
    public static SparseTraining rgsmAsAuthors(double lambda1, double lambda2, double beta, ChannelGrouping grouping) {
        return rgsm(new GroupL0Penalty(lambda1, grouping), beta).withLossTerm(new GroupLassoLoss(lambda2, grouping));
    }

    /** Any sparse regularization, e.g. {@link AdmmPruning}, or a {@link RelaxedSplitting} with schedules. */
    public static SparseTraining with(SparseRegularization regularization) {
        return new SparseTraining(regularization);
    }

    /** A copy that also adds {@code term} to the training loss of every layer the method sparsifies (null: none). */
    public SparseTraining withLossTerm(Regularization term) {
        return new SparseTraining(regularization, layers, replaceWeightsEachEpoch, batchNormData, batchNormBatches,
                reestimateBatchNorm, term, targetSparsity);
    }

    /** Restricts the method to these layers (names, or {@code name_W}); default all convolution and dense layers. */
    public SparseTraining withLayers(String... names) {
        return new SparseTraining(regularization, new LinkedHashSet<>(Arrays.asList(names)), replaceWeightsEachEpoch,
                batchNormData, batchNormBatches, reestimateBatchNorm, lossTerm, targetSparsity);
    }

    public SparseTraining withCoupling(Coupling coupling) {
        if (!(regularization instanceof RelaxedSplitting r)) {
            throw new IllegalStateException("coupling applies to RVSM/RGSM only, not to " + regularization);
        }
        return new SparseTraining(r.withCoupling(coupling), layers, replaceWeightsEachEpoch, batchNormData,
                batchNormBatches, reestimateBatchNorm, lossTerm, targetSparsity);
    }

    public SparseTraining withReplaceWeightsEachEpoch(boolean replace) {
        return new SparseTraining(regularization, layers, replace, batchNormData, batchNormBatches, reestimateBatchNorm,
                lossTerm, targetSparsity);
    }

    /** Data for batch-norm re-estimation whenever {@code w} becomes {@code u}; use a separate iterator. */
    public SparseTraining withBatchNormData(DataSetIterator data, int maxBatches) {
        return new SparseTraining(regularization, layers, replaceWeightsEachEpoch, data, maxBatches, reestimateBatchNorm,
                lossTerm, targetSparsity);
    }

    public SparseTraining withBatchNormData(DataSetIterator data) {
        return withBatchNormData(data, BatchNormStatistics.DEFAULT_MAX_BATCHES);
    }

    /** Turns the batch-norm re-estimation off (not recommended for sparse networks with batch norm). */
    public SparseTraining withReestimateBatchNorm(boolean reestimate) {
        return new SparseTraining(regularization, layers, replaceWeightsEachEpoch, batchNormData, batchNormBatches,
                reestimate, lossTerm, targetSparsity);
    }

    /**
     * A copy whose lambda is no longer fixed but set before every step so that {@code u} has the share of zeros
     * {@code target} schedules (see {@link LambdaController} for how and why); null returns to the configured lambda.
     * The penalty's own lambda then only matters for the group l0 + lasso penalty, whose two weights keep their ratio.
     * Needs RVSM or RGSM (ADMM takes its share of zeros directly) without a lambda schedule. The controller is added
     * where the epoch-end projection is: by {@link #network}, {@link #graph}, {@link #attach} and {@link #resume},
     * which also set the first step's lambda; {@link LambdaController#of} finds it again, with its trajectory.
     */
    public SparseTraining withTargetSparsity(TargetSparsity target) {
        return new SparseTraining(regularization, layers, replaceWeightsEachEpoch, batchNormData, batchNormBatches,
                reestimateBatchNorm, lossTerm, target);
    }

    /**
     * {@code fraction} of all sparse weights (of all groups, for RGSM) zero from epoch {@code endEpoch} on (DL4J's
     * epoch counter, from 0), reached along the cubic ramp of gradual magnitude pruning from a dense epoch 0
     * ({@link SparsitySchedule#epochs}); with one lambda for all layers, as RVSM uses it.
     */
    public SparseTraining withTargetSparsity(double fraction, int endEpoch) {
        return withTargetSparsity(TargetSparsity.global(fraction, SparsitySchedule.epochs(0, endEpoch)));
    }

    private static void requireLambdaToControl(SparseRegularization regularization) {
        if (!(regularization instanceof RelaxedSplitting r)) {
            throw new IllegalArgumentException("A target sparsity adapts the lambda of RVSM or RGSM; " + regularization
                    + " has no lambda (ADMM takes its share of zeros as its projection's fraction)");
        }
        if (!(r.getPenalty() instanceof ThresholdPenalty)) {
            throw new IllegalArgumentException("A target sparsity needs a penalty that can set its zero threshold "
                    + "(ThresholdPenalty, as every penalty of io.github.dl4jrvsm.core.prox); got " + r.getPenalty());
        }
        if (r.getLambdaScale() != null) {
            throw new IllegalArgumentException("A target sparsity sets lambda itself, and " + r + " also has a lambda "
                    + "schedule; remove one of them");
        }
    }

    /** A copy of {@code conf} with the method attached to the selected layers. */
    public MultiLayerConfiguration applyTo(MultiLayerConfiguration conf) {
        MultiLayerConfiguration copy = conf.clone();
        install(NamedLayer.of(copy), null);
        return copy;
    }

    /** A copy of {@code conf} with the method attached to the selected layers. */
    public ComputationGraphConfiguration applyTo(ComputationGraphConfiguration conf) {
        ComputationGraphConfiguration copy = conf.clone();
        install(NamedLayer.of(copy), null);
        return copy;
    }

    /** A new, initialised network for {@code conf}, ready to {@code fit}. */
    public MultiLayerNetwork network(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(applyTo(conf));
        net.init();
        addListener(net);
        return net;
    }

    /** A new, initialised graph for {@code conf}, ready to {@code fit}. */
    public ComputationGraph graph(ComputationGraphConfiguration conf) {
        ComputationGraph net = new ComputationGraph(applyTo(conf));
        net.init();
        addListener(net);
        return net;
    }

    /**
     * The trained model as a plain sparse DL4J network: weights {@code u}, batch norm re-estimated on
     * {@link #batchNormData}, this library's regularizations removed. Takes {@code u} exactly once: with the
     * epoch-end projection on, the splitting layers already hold the last {@code u} and are copied as they are.
     */
    public <M extends Model> M export(M trained) {
        return SparseExport.sparseCopy(trained, batchNormData, exportedWeights());
    }

    /** What the sparse layers hold after training with this configuration (see {@link SparseExport.Weights}). */
    public SparseExport.Weights exportedWeights() {
        return replaceWeightsEachEpoch && regularization instanceof RelaxedSplitting
                ? SparseExport.Weights.PROJECTED_AT_EPOCH_END : SparseExport.Weights.DENSE;
    }

    /** Attaches the method to an existing (initialised, possibly trained) network in place. */
    public <M extends Model> M attach(M model) {
        install(NamedLayer.of(model), model);
        addListener(model);
        return model;
    }

    /**
     * Re-attaches the epoch-end behaviour to a model restored from a checkpoint whose configuration already carries
     * the method (its regularizations, and for ADMM their restored state, are kept as they are).
     */
    public <M extends Model> M resume(M model) {
        boolean present = NamedLayer.of(model).stream().anyMatch(l -> SparseExport.regularizationOf(l.config()) != null);
        if (!present) {
            throw new IllegalArgumentException("The restored model carries no sparse method; it was not trained with one");
        }
        addListener(model);
        return model;
    }

    private void install(List<NamedLayer> all, Model live) {
        for (NamedLayer l : LayerSelection.select(all, layers)) {
            BaseLayer b = (BaseLayer) l.config();
            List<Regularization> list = new ArrayList<>();
            if (b.getRegularization() != null) {
                for (Regularization r : b.getRegularization()) {
                    if (!SparseExport.isLibraryRegularization(r)) {
                        list.add(r);
                    }
                }
            }
            WeightLayout layout = live == null ? WeightLayout.of(l.config())
                    : WeightLayout.of(SparseExport.weights(live, l));
            list.add(regularization.forLayer(l.name(), layout));
            if (lossTerm != null) {
                // the group lasso must find the channels of a graph's flat weight view, as the method does
                list.add(lossTerm instanceof GroupLassoLoss g ? g.forLayout(layout) : lossTerm.clone());
            }
            b.setRegularization(list);
        }
    }

    private void addListener(Model model) {
        List<TrainingListener> listeners = new ArrayList<>();
        if (replaceWeightsEachEpoch && regularization instanceof RelaxedSplitting) {
            listeners.add(projection(model));
        }
        if (targetSparsity != null) {
            listeners.add(controller(model));
        }
        NetworkAdapter.of(model).addListeners(listeners.toArray(new TrainingListener[0]));
    }

    private EpochEndProjection projection(Model model) {
        boolean bn = BatchNormStatistics.hasBatchNorm(model) && reestimateBatchNorm;
        if (bn && batchNormData == null) {
            throw new IllegalStateException("The model has batch-norm layers " + BatchNormStatistics.batchNormLayers(model)
                    + " and w is replaced by u at each epoch end, which invalidates their running statistics. Give "
                    + "withBatchNormData(iterator) (a separate iterator over training data), or "
                    + "withReestimateBatchNorm(false), or withReplaceWeightsEachEpoch(false).");
        }
        return new EpochEndProjection(bn ? batchNormData : null, batchNormBatches);
    }

    private LambdaController controller(Model model) {
        LambdaController controller = new LambdaController(targetSparsity,
                (ThresholdPenalty) ((RelaxedSplitting) regularization).getPenalty());
        // the first step's lambda now: fit(DataSet) fires no epoch start, and a bad layer name fails here, not mid-fit
        NetworkAdapter network = NetworkAdapter.of(model);
        controller.update(model, (int) network.iterationCount(), network.epochCount());
        return controller;
    }
}
