package io.github.dl4jrvsm.core.splitting;

import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * A group-lasso term {@code lambda * sum_g sqrt(||w_g||^2 + 1e-8)} added to the training loss, as the authors' RGSM
 * code adds {@code lamb2 * sum ||W[:, i]||} to the cross-entropy while its prox is group l0 alone. Its gradient
 * {@code lambda * w_g / sqrt(||w_g||^2 + 1e-8)} goes through the optimizer like the loss's own (DL4J's
 * {@link ApplyStep#BEFORE_UPDATER}); the {@code 1e-8} is theirs and keeps the gradient finite at a zero group.
 *
 * <p>The alternative, a mixed group-l0 + group-lasso prox acting on {@code u}
 * ({@link io.github.dl4jrvsm.core.prox.GroupL0LassoPenalty}), is the dissertation's formula; this class is the
 * authors' code.
 */
public final class GroupLassoLoss implements Regularization {

    private static final double SMOOTHING = 1e-8;

    @JsonProperty("lambda")
    private final double lambda;
    @JsonProperty("grouping")
    private final ChannelGrouping grouping;

    @JsonCreator
    public GroupLassoLoss(@JsonProperty("lambda") double lambda, @JsonProperty("grouping") ChannelGrouping grouping) {
        this.lambda = Validate.nonNegative("lambda", lambda);
        this.grouping = Validate.notNull("grouping", grouping, "OUTPUT or INPUT");
    }

    public double getLambda() {
        return lambda;
    }

    public ChannelGrouping getGrouping() {
        return grouping;
    }

    @Override
    public ApplyStep applyStep() {
        return ApplyStep.BEFORE_UPDATER;
    }

    @Override
    public void apply(INDArray param, INDArray gradView, double lr, int iteration, int epoch) {
        INDArray inverse = smoothedNorms(param).rdivi(lambda);
        gradView.addi(GroupNorms.scaled(param, inverse, grouping));
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        return lambda * smoothedNorms(param).sumNumber().doubleValue();
    }

    private INDArray smoothedNorms(INDArray w) {
        INDArray norms = GroupNorms.of(w, grouping).castTo(DataType.DOUBLE);
        return Transforms.sqrt(norms.muli(norms).addi(SMOOTHING), false);
    }

    @Override
    public GroupLassoLoss clone() {
        return new GroupLassoLoss(lambda, grouping);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupLassoLoss g && g.lambda == lambda && g.grouping == grouping;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lambda, grouping);
    }

    @Override
    public String toString() {
        return "GroupLassoLoss(lambda=" + lambda + ", grouping=" + grouping + ")";
    }
}
