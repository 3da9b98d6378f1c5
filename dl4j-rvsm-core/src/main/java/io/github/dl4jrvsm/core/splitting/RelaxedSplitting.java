package io.github.dl4jrvsm.core.splitting;

import io.github.dl4jrvsm.core.prox.Penalty;
import io.github.dl4jrvsm.core.internal.FiniteCheck;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relaxed variable splitting method (RVSM; RGSM when the penalty acts on groups) as a DL4J weight
 * {@code Regularization}.
 *
 * <p>The method minimises {@code f(w) + lambda*P(u) + beta/2*||w - u||^2}. Every iteration DL4J computes the gradient
 * of {@code f}; this class adds the splitting term {@code beta*(w - u)} with {@code u = prox(w)} (see {@link Coupling}
 * for where), so the step is {@code w <- w - lr*grad f(w) - lr*beta*(w - u)}. Taking {@code u} from the weights at
 * the start of the step is the order of the authors' code (they recompute {@code u} right after each step), and it
 * makes {@code u} a function of {@code w} and the configuration: a model saved with {@code ModelSerializer} carries
 * {@code u} with it and resumes bit-identically. Memory: one temporary copy of the layer's weights per call.
 *
 * <p>{@link #score} adds {@code lambda*P(u) + beta/2*||w - u||^2} to the network score, so the reported loss is the
 * splitting Lagrangian.
 */
public final class RelaxedSplitting implements SparseRegularization {

    public static final Coupling DEFAULT_COUPLING = Coupling.BESIDE_UPDATER;

    @JsonProperty("penalty")
    private final Penalty penalty;
    @JsonProperty("beta")
    private final double beta;
    @JsonProperty("coupling")
    private final Coupling coupling;
    @JsonProperty("layerName")
    private final String layerName;
    @JsonProperty("layout")
    private final WeightLayout layout;

    /**
     * DL4J scores a layer (which needs {@code u}) and then updates it with the same weights in the same iteration; the
     * {@code u} computed for the score is kept until the update to save a second prox. Keyed by the weights' offset,
     * checked against the iteration and the weights' sum, dropped when used. Per instance: {@link #clone()} copies.
     */
    @JsonIgnore
    private transient Map<Long, Pending> pending;

    private record Pending(int iteration, double weightSum, INDArray u) {
    }

    @JsonCreator
    public RelaxedSplitting(@JsonProperty("penalty") Penalty penalty, @JsonProperty("beta") double beta,
                            @JsonProperty("coupling") Coupling coupling, @JsonProperty("layerName") String layerName,
                            @JsonProperty("layout") WeightLayout layout) {
        this.penalty = Validate.notNull("penalty", penalty, "one of the io.github.dl4jrvsm.core.prox penalties");
        this.beta = Validate.positive("beta", beta);
        this.coupling = coupling == null ? DEFAULT_COUPLING : coupling;
        this.layerName = layerName;
        this.layout = layout;
    }

    public RelaxedSplitting(Penalty penalty, double beta) {
        this(penalty, beta, DEFAULT_COUPLING, null, null);
    }

    public Penalty getPenalty() {
        return penalty;
    }

    public double getBeta() {
        return beta;
    }

    public Coupling getCoupling() {
        return coupling;
    }

    @Override
    public String getLayerName() {
        return layerName;
    }

    @Override
    public RelaxedSplitting forLayer(String name, WeightLayout weightLayout) {
        return new RelaxedSplitting(penalty, beta, coupling, name, weightLayout);
    }

    public WeightLayout getLayout() {
        return layout;
    }

    public RelaxedSplitting withCoupling(Coupling c) {
        return new RelaxedSplitting(penalty, beta, c, layerName, layout);
    }

    @Override
    public ApplyStep applyStep() {
        return coupling == Coupling.BESIDE_UPDATER ? ApplyStep.POST_UPDATER : ApplyStep.BEFORE_UPDATER;
    }

    @Override
    public void apply(INDArray param, INDArray gradView, double lr, int iteration, int epoch) {
        double weightSum = FiniteCheck.requireFinite(param, layerName, "weights", iteration, epoch);
        FiniteCheck.requireFinite(gradView, layerName,
                coupling == Coupling.BESIDE_UPDATER ? "updates (gradients after the updater)" : "gradients",
                iteration, epoch);
        INDArray w = shaped(param);
        Pending p = pending == null ? null : pending.remove(param.offset());
        INDArray u = p != null && p.iteration() == iteration && p.weightSum() == weightSum ? p.u() : penalty.prox(w, beta);
        INDArray split = w.sub(u);
        double scale = coupling == Coupling.BESIDE_UPDATER ? lr * beta : beta;
        gradView.addi(layout == null ? split.muli(scale).reshape(gradView.shape()) : layout.like(split.muli(scale), gradView));
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        // DL4J scores every layer before any update, so a NaN weight is reported against the layer that holds it.
        double weightSum = FiniteCheck.requireFinite(param, layerName, "weights", iteration, epoch);
        INDArray w = shaped(param);
        Penalty.ProxPoint point;
        try (MemoryWorkspace ignored =
                     Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            point = penalty.proxWithValue(w, beta);
        }
        if (pending == null) {
            pending = new ConcurrentHashMap<>();
        }
        pending.put(param.offset(), new Pending(iteration, weightSum, point.u()));
        double gap = w.distance2(point.u());
        return point.value() + beta / 2 * gap * gap;
    }

    @Override
    public INDArray sparseWeights(INDArray w) {
        return penalty.prox(w, beta);
    }

    private INDArray shaped(INDArray param) {
        return layout == null ? param : layout.shape(param);
    }

    @Override
    public RelaxedSplitting clone() {
        // configuration is immutable, but each copy (ParallelWrapper replica, Spark worker) keeps its own pending u
        return new RelaxedSplitting(penalty, beta, coupling, layerName, layout);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelaxedSplitting r && r.penalty.equals(penalty) && r.beta == beta
                && r.coupling == coupling && Objects.equals(r.layerName, layerName) && Objects.equals(r.layout, layout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(penalty, beta, coupling, layerName, layout);
    }

    @Override
    public String toString() {
        return "RelaxedSplitting(" + penalty + ", beta=" + beta + ", " + coupling
                + (layerName == null ? "" : ", layer=" + layerName) + ")";
    }
}
