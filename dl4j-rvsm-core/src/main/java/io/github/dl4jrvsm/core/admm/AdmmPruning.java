package io.github.dl4jrvsm.core.admm;

import io.github.dl4jrvsm.core.splitting.Schedules;
import io.github.dl4jrvsm.core.splitting.Coupling;
import io.github.dl4jrvsm.core.splitting.SparseRegularization;
import io.github.dl4jrvsm.core.splitting.WeightLayout;
import io.github.dl4jrvsm.core.internal.FiniteCheck;
import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * ADMM weight pruning (Zhang et al., ECCV 2018), the baseline the dissertation compares RVSM with, as a DL4J weight
 * {@code Regularization}.
 *
 * <p>Phase 1 (the first {@code admmIterations} iterations): the loss gets {@code rho/2*||w - z + v||^2}, added as
 * {@code rho*(w - z + v)} to the gradient before the base updater, or with {@link #withCoupling}
 * {@code (BESIDE_UPDATER)} as {@code lr*rho*(w - z + v)} to the update after it, as the authors' comparison code does
 * ({@code W -= lr*rho*(W - Z + U)} outside the optimizer); every {@code updateInterval} iterations
 * {@code z = Proj(w + v)} and {@code v += w - z}, where {@code Proj} keeps the largest magnitudes
 * ({@link MagnitudeProjection}). Phase 2: the weights are hard-pruned to {@code Proj(w)} once, and every later update is
 * masked after the base updater, so pruned weights stay exactly zero whatever momentum has accumulated.
 *
 * <p>The authors' code never leaves phase 1 (no hard prune, no masked retraining): give {@code admmIterations}
 * {@code Integer.MAX_VALUE}; the export then takes {@code Proj(w)}.
 *
 * <p>Unlike RVSM this method has state ({@code z}, {@code v}, the mask: two weight copies plus a mask). It lives in
 * this object; {@link io.github.dl4jrvsm.core.persist.SparseModelSerializer} saves and restores it with the model.
 *
 * <p>{@link #withRhoSchedule} makes {@code rho} a DL4J schedule read at {@code (iteration, epoch)} in {@link #apply}
 * and {@link #score}, e.g. the progressively increasing rho of Zhang et al.; the scaled dual {@code v} is kept as it is
 * when rho changes. Without a schedule (the default) rho is the fixed value. The configuration is immutable: every
 * {@code with} method returns a copy.
 */
public final class AdmmPruning implements SparseRegularization {

    public static final double DEFAULT_RHO = 1e-2;
    public static final int DEFAULT_UPDATE_INTERVAL = 1;

    @JsonProperty("projection")
    private final MagnitudeProjection projection;
    @JsonProperty("rho")
    private final double rho;
    @JsonProperty("updateInterval")
    private final int updateInterval;
    @JsonProperty("admmIterations")
    private final int admmIterations;
    @JsonProperty("layerName")
    private final String layerName;
    @JsonProperty("layout")
    private final WeightLayout layout;
    @JsonProperty("rhoSchedule")
    private final ISchedule rhoSchedule;
    /** Null (configurations written before it existed) means {@link Coupling#THROUGH_UPDATER}. */
    @JsonProperty("coupling")
    private final Coupling coupling;

    @JsonIgnore
    private transient Map<Long, ParamState> states = new HashMap<>();
    @JsonIgnore
    private transient boolean retraining;

    public AdmmPruning(@JsonProperty("projection") MagnitudeProjection projection, @JsonProperty("rho") double rho,
                       @JsonProperty("updateInterval") int updateInterval,
                       @JsonProperty("admmIterations") int admmIterations, @JsonProperty("layerName") String layerName,
                       @JsonProperty("layout") WeightLayout layout) {
        Validate.check(projection != null,
                () -> "projection must be given (MagnitudeProjection.elementwise or .channels)");
        this.projection = projection;
        this.rho = Validate.positive("rho", rho);
        Validate.check(updateInterval >= 1, () -> "updateInterval must be >= 1 iteration, got " + updateInterval);
        this.updateInterval = updateInterval;
        this.admmIterations = Validate.atLeastZero("admmIterations", admmIterations);
        this.layerName = layerName;
        this.layout = layout;
        this.rhoSchedule = null;
        this.coupling = null;
    }

    /** Adds the rho schedule and the coupling to a validated configuration; the only constructor that sets them. */
    private AdmmPruning(AdmmPruning validated, ISchedule rhoSchedule, Coupling coupling) {
        this.projection = validated.projection;
        this.rho = validated.rho;
        this.updateInterval = validated.updateInterval;
        this.admmIterations = validated.admmIterations;
        this.layerName = validated.layerName;
        this.layout = validated.layout;
        this.rhoSchedule = rhoSchedule;
        this.coupling = coupling;
    }

    @JsonCreator
    static AdmmPruning fromJson(@JsonProperty("projection") MagnitudeProjection projection,
                                @JsonProperty("rho") double rho, @JsonProperty("updateInterval") int updateInterval,
                                @JsonProperty("admmIterations") int admmIterations,
                                @JsonProperty("layerName") String layerName, @JsonProperty("layout") WeightLayout layout,
                                @JsonProperty("rhoSchedule") ISchedule rhoSchedule,
                                @JsonProperty("coupling") Coupling coupling) {
        return new AdmmPruning(new AdmmPruning(projection, rho, updateInterval, admmIterations, layerName, layout),
                rhoSchedule, coupling);
    }

    public AdmmPruning(MagnitudeProjection projection, double rho, int updateInterval, int admmIterations) {
        this(projection, rho, updateInterval, admmIterations, null, null);
    }

    /** ADMM's per-parameter state: auxiliary {@code z}, scaled dual {@code v}, and after pruning the mask. */
    public static final class ParamState implements Serializable {
        INDArray z;
        INDArray v;
        INDArray mask;
        int lastUpdate = -1;
    }

    @Override
    public ApplyStep applyStep() {
        return retraining || coupling == Coupling.BESIDE_UPDATER ? ApplyStep.POST_UPDATER : ApplyStep.BEFORE_UPDATER;
    }

    @Override
    public void apply(INDArray w, INDArray grad, double lr, int iteration, int epoch) {
        // The state outlives this call, so it must not be allocated in a DL4J training workspace.
        try (MemoryWorkspace ignored =
                     Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            applyOutsideWorkspace(w, grad, lr, iteration, epoch);
        }
    }

    private void applyOutsideWorkspace(INDArray param, INDArray grad, double lr, int iteration, int epoch) {
        INDArray w = layout == null ? param : layout.shape(param);
        FiniteCheck.requireFinite(w, layerName, "weights", iteration, epoch);
        FiniteCheck.requireFinite(grad, layerName, "gradients", iteration, epoch);
        ParamState s = states.computeIfAbsent(param.offset(), k -> initial(w));
        if (!retraining && iteration < admmIterations) {
            if (iteration > 0 && iteration % updateInterval == 0 && s.lastUpdate != iteration) {
                INDArray wv = w.add(s.v);
                s.z = projection.project(wv);
                s.v.addi(w.sub(s.z));
                s.lastUpdate = iteration;
            }
            double scale = coupling == Coupling.BESIDE_UPDATER ? lr * rhoAt(iteration, epoch) : rhoAt(iteration, epoch);
            grad.addi(like(w.sub(s.z).addi(s.v).muli(scale), grad));
            return;
        }
        if (s.mask == null) {
            s.mask = projection.mask(w);
            w.muli(s.mask);
            s.z = null;
            s.v = null;
        }
        retraining = true;
        grad.muli(like(s.mask, grad));
    }

    private INDArray like(INDArray values, INDArray target) {
        return layout == null ? values.reshape(target.shape()) : layout.like(values, target);
    }

    private ParamState initial(INDArray w) {
        ParamState s = new ParamState();
        s.z = projection.project(w);
        s.v = w.mul(0);
        return s;
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        FiniteCheck.requireFinite(param, layerName, "weights", iteration, epoch);
        ParamState s = states.get(param.offset());
        INDArray w = layout == null ? param : layout.shape(param);
        if (s == null || s.z == null) {
            return 0.0;
        }
        double d = w.distance2(s.z.sub(s.v));
        return rhoAt(iteration, epoch) / 2 * d * d;
    }

    private double rhoAt(int iteration, int epoch) {
        return Schedules.positive("rho", rho, rhoSchedule, iteration, epoch);
    }

    @Override
    public INDArray sparseWeights(INDArray w) {
        ParamState s = states.get(w.offset());
        // the live weight view shares its offset with the view DL4J passed to apply()
        return s != null && s.mask != null ? w.mul(s.mask) : projection.project(w);
    }

    /** True once the hard prune has happened and masked retraining runs. */
    public boolean isRetraining() {
        return retraining;
    }

    /** A deep copy of the state, for saving with the model. */
    public Snapshot snapshot() {
        Map<Long, ParamState> copy = new HashMap<>();
        states.forEach((k, v) -> {
            ParamState c = new ParamState();
            c.z = v.z == null ? null : v.z.dup();
            c.v = v.v == null ? null : v.v.dup();
            c.mask = v.mask == null ? null : v.mask.dup();
            c.lastUpdate = v.lastUpdate;
            copy.put(k, c);
        });
        return new Snapshot(copy, retraining);
    }

    public void restore(Snapshot snapshot) {
        this.states = new HashMap<>(snapshot.states());
        this.retraining = snapshot.retraining();
    }

    /** Serializable state of one layer's ADMM. */
    public record Snapshot(Map<Long, ParamState> states, boolean retraining) implements Serializable {
    }

    @Override
    public String getLayerName() {
        return layerName;
    }

    @Override
    public AdmmPruning forLayer(String name, WeightLayout weightLayout) {
        return new AdmmPruning(new AdmmPruning(projection, rho, updateInterval, admmIterations, name, weightLayout),
                rhoSchedule, coupling);
    }

    public MagnitudeProjection getProjection() {
        return projection;
    }

    /** The fixed rho; see {@link #getRhoSchedule()}. */
    public double getRho() {
        return rho;
    }

    @Override
    public AdmmPruning clone() {
        // Configuration clones (ParallelWrapper replicas, Spark workers) must not share mutable state.
        AdmmPruning c = forLayer(layerName, layout);
        c.restore(snapshot());
        return c;
    }

    /** The rho schedule, or null for the fixed {@link #getRho()}. */
    public ISchedule getRhoSchedule() {
        return rhoSchedule;
    }

    /**
     * A copy whose rho follows {@code schedule}, e.g. {@code new ExponentialSchedule(ScheduleType.EPOCH, 1e-3, 1.3)};
     * null returns to the fixed rho.
     */
    public AdmmPruning withRhoSchedule(ISchedule schedule) {
        return new AdmmPruning(this, schedule, coupling);
    }

    /** Where {@code rho*(w - z + v)} enters the update; null returns to the original {@link Coupling#THROUGH_UPDATER}. */
    public AdmmPruning withCoupling(Coupling c) {
        return new AdmmPruning(this, rhoSchedule, c);
    }

    /** The coupling; {@link Coupling#THROUGH_UPDATER} unless {@link #withCoupling} chose otherwise. */
    public Coupling getCoupling() {
        return coupling == null ? Coupling.THROUGH_UPDATER : coupling;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        states = new HashMap<>();
    }

    public int getUpdateInterval() {
        return updateInterval;
    }

    public int getAdmmIterations() {
        return admmIterations;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdmmPruning a && a.projection.equals(projection) && a.rho == rho
                && a.updateInterval == updateInterval && a.admmIterations == admmIterations
                && Objects.equals(a.layerName, layerName) && Objects.equals(a.layout, layout)
                && Objects.equals(a.rhoSchedule, rhoSchedule) && a.getCoupling() == getCoupling();
    }

    @Override
    public int hashCode() {
        return Objects.hash(projection, rho, updateInterval, admmIterations, layerName, layout, rhoSchedule,
                getCoupling());
    }

    @Override
    public String toString() {
        return "AdmmPruning(" + projection + ", rho=" + (rhoSchedule == null ? rho : rhoSchedule) + ", every "
                + updateInterval + " it, " + getCoupling() + ", " + (admmIterations == Integer.MAX_VALUE ? "no hard prune"
                : "prune at it " + admmIterations) + (layerName == null ? "" : ", layer=" + layerName) + ")";
    }
}
