package io.github.dl4jrvsm.core.splitting;

import io.github.dl4jrvsm.core.prox.Penalty;
import io.github.dl4jrvsm.core.internal.FiniteCheck;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ISchedule;
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
 *
 * <p>Schedules, as DL4J's own {@code L2Regularization} and {@code WeightDecay} take them: {@link #withBetaSchedule}
 * makes {@code beta} the schedule's value at {@code (iteration, epoch)}, and {@link #withLambdaScale} multiplies the
 * penalty by the schedule's value {@code s(t)} ({@code s(t) = lambda(t)/lambda}; for the group l0 + lasso penalty
 * both of its lambdas). Both are read in {@link #apply} and {@link #score}; {@link #sparseWeights} uses the values
 * of the last step this instance saw (step 0 before any), so an export after training uses the final ones. Without
 * schedules (the default) {@code beta} and the penalty are used as given. The configuration is immutable: every
 * {@code with} method returns a copy.
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
    @JsonProperty("betaSchedule")
    private final ISchedule betaSchedule;
    @JsonProperty("lambdaScale")
    private final ISchedule lambdaScale;

    /** The step {@link #sparseWeights} reads the schedules at; null (step 0) until this instance is applied. */
    @JsonIgnore
    private transient volatile Step lastStep;

    /**
     * DL4J scores a layer (which needs {@code u}) and then updates it with the same weights in the same iteration; the
     * {@code u} computed for the score is kept until the update to save a second prox. Keyed by the weights' offset,
     * checked against the iteration and the weights' sum, dropped when used. Per instance: {@link #clone()} copies.
     */
    @JsonIgnore
    private transient Map<Long, Pending> pending;

    private record Pending(int iteration, double weightSum, INDArray u) {
    }

    private record Step(int iteration, int epoch) {
    }

    public RelaxedSplitting(@JsonProperty("penalty") Penalty penalty, @JsonProperty("beta") double beta,
                            @JsonProperty("coupling") Coupling coupling, @JsonProperty("layerName") String layerName,
                            @JsonProperty("layout") WeightLayout layout) {
        this.penalty = Validate.notNull("penalty", penalty, "one of the io.github.dl4jrvsm.core.prox penalties");
        this.beta = Validate.positive("beta", beta);
        this.coupling = coupling == null ? DEFAULT_COUPLING : coupling;
        this.layerName = layerName;
        this.layout = layout;
        this.betaSchedule = null;
        this.lambdaScale = null;
    }

    public RelaxedSplitting(Penalty penalty, double beta) {
        this(penalty, beta, DEFAULT_COUPLING, null, null);
    }

    /** Adds the schedules to a validated configuration; the only constructor that sets them. */
    private RelaxedSplitting(RelaxedSplitting validated, ISchedule betaSchedule, ISchedule lambdaScale) {
        this.penalty = validated.getPenalty();
        this.beta = validated.getBeta();
        this.coupling = validated.getCoupling();
        this.layerName = validated.getLayerName();
        this.layout = validated.getLayout();
        this.betaSchedule = betaSchedule;
        this.lambdaScale = lambdaScale;
    }

    @JsonCreator
    static RelaxedSplitting fromJson(@JsonProperty("penalty") Penalty penalty, @JsonProperty("beta") double beta,
                                     @JsonProperty("coupling") Coupling coupling,
                                     @JsonProperty("layerName") String layerName,
                                     @JsonProperty("layout") WeightLayout layout,
                                     @JsonProperty("betaSchedule") ISchedule betaSchedule,
                                     @JsonProperty("lambdaScale") ISchedule lambdaScale) {
        return new RelaxedSplitting(new RelaxedSplitting(penalty, beta, coupling, layerName, layout), betaSchedule,
                lambdaScale);
    }

    private RelaxedSplitting copy(Coupling c, String name, WeightLayout l, ISchedule betas, ISchedule scale) {
        return new RelaxedSplitting(new RelaxedSplitting(penalty, beta, c, name, l), betas, scale);
    }

    public Penalty getPenalty() {
        return penalty;
    }

    /** The fixed beta, also the schedule's stand-in wherever no step is known; see {@link #getBetaSchedule()}. */
    public double getBeta() {
        return beta;
    }

    /** The beta schedule, or null for the fixed {@link #getBeta()}. */
    public ISchedule getBetaSchedule() {
        return betaSchedule;
    }

    /**
     * A copy whose beta follows {@code schedule} (e.g. {@code new StepSchedule(ScheduleType.EPOCH, 1e-2, 10, 30)} to
     * tighten the coupling tenfold every 30 epochs); null returns to the fixed beta.
     */
    public RelaxedSplitting withBetaSchedule(ISchedule schedule) {
        return copy(coupling, layerName, layout, schedule, lambdaScale);
    }

    /** The multiplier schedule of the penalty, or null for none (the penalty as constructed). */
    public ISchedule getLambdaScale() {
        return lambdaScale;
    }

    /**
     * A copy whose penalty is multiplied by {@code schedule}'s value {@code s(t) >= 0}, i.e. {@code lambda(t) =
     * s(t)*lambda} for every lambda of the penalty (both for the group l0 + lasso penalty); a warm-up such as
     * {@code new MapSchedule(ScheduleType.EPOCH, Map.of(0, 0.0, 5, 1.0))} trains dense for five epochs. Null removes it.
     */
    public RelaxedSplitting withLambdaScale(ISchedule schedule) {
        return copy(coupling, layerName, layout, betaSchedule, schedule);
    }

    public Coupling getCoupling() {
        return coupling;
    }

    public RelaxedSplitting withCoupling(Coupling c) {
        return copy(c, layerName, layout, betaSchedule, lambdaScale);
    }

    @Override
    public String getLayerName() {
        return layerName;
    }

    @Override
    public RelaxedSplitting forLayer(String name, WeightLayout weightLayout) {
        return copy(coupling, name, weightLayout, betaSchedule, lambdaScale);
    }

    public WeightLayout getLayout() {
        return layout;
    }

    /**
     * A copy with another penalty, for a controller that sets lambda between iterations (the target-sparsity
     * {@code LambdaController}). Unlike {@link #clone()} it keeps the last step this instance saw, so that
     * {@link #sparseWeights} of the copy reads the beta schedule where this one would.
     */
    public RelaxedSplitting withPenalty(Penalty p) {
        RelaxedSplitting copy = new RelaxedSplitting(new RelaxedSplitting(p, beta, coupling, layerName, layout),
                betaSchedule, lambdaScale);
        copy.lastStep = lastStep;
        return copy;
    }

    /** The coupling strength at the step: the beta schedule's value there, or the fixed beta. */
    public double betaAt(int iteration, int epoch) {
        return Schedules.positive("beta", beta, betaSchedule, iteration, epoch);
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
        StepStrength strength = strengthAt(iteration, epoch);
        INDArray w = shaped(param);
        Pending p = pending == null ? null : pending.remove(param.offset());
        INDArray u = p != null && p.iteration() == iteration && p.weightSum() == weightSum ? p.u()
                : strength.prox(penalty, w);
        INDArray split = w.sub(u);
        double scale = coupling == Coupling.BESIDE_UPDATER ? lr * strength.beta() : strength.beta();
        gradView.addi(layout == null ? split.muli(scale).reshape(gradView.shape()) : layout.like(split.muli(scale), gradView));
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        // DL4J scores every layer before any update, so a NaN weight is reported against the layer that holds it.
        double weightSum = FiniteCheck.requireFinite(param, layerName, "weights", iteration, epoch);
        StepStrength strength = strengthAt(iteration, epoch);
        INDArray w = shaped(param);
        Penalty.ProxPoint point;
        try (MemoryWorkspace ignored =
                     Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            point = strength.proxWithValue(penalty, w);
        }
        if (pending == null) {
            pending = new ConcurrentHashMap<>();
        }
        pending.put(param.offset(), new Pending(iteration, weightSum, point.u()));
        double gap = w.distance2(point.u());
        return point.value() + strength.beta() / 2 * gap * gap;
    }

    @Override
    public INDArray sparseWeights(INDArray w) {
        Step last = lastStep;
        return last == null ? strength(0, 0).prox(penalty, w) : strength(last.iteration(), last.epoch()).prox(penalty, w);
    }

    private StepStrength strengthAt(int iteration, int epoch) {
        lastStep = new Step(iteration, epoch);
        return strength(iteration, epoch);
    }

    private StepStrength strength(int iteration, int epoch) {
        return new StepStrength(betaAt(iteration, epoch),
                Schedules.nonNegative("lambda scale", 1, lambdaScale, iteration, epoch));
    }

    private INDArray shaped(INDArray param) {
        return layout == null ? param : layout.shape(param);
    }

    @Override
    public RelaxedSplitting clone() {
        // configuration is immutable, but each copy (ParallelWrapper replica, Spark worker) keeps its own pending u
        return copy(coupling, layerName, layout, betaSchedule, lambdaScale);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelaxedSplitting r && r.penalty.equals(penalty) && r.beta == beta
                && r.coupling == coupling && Objects.equals(r.layerName, layerName) && Objects.equals(r.layout, layout)
                && Objects.equals(r.betaSchedule, betaSchedule) && Objects.equals(r.lambdaScale, lambdaScale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(penalty, beta, coupling, layerName, layout, betaSchedule, lambdaScale);
    }

    @Override
    public String toString() {
        return "RelaxedSplitting(" + penalty + ", beta=" + (betaSchedule == null ? beta : betaSchedule) + ", " + coupling
                + (lambdaScale == null ? "" : ", lambda x " + lambdaScale)
                + (layerName == null ? "" : ", layer=" + layerName) + ")";
    }
}
