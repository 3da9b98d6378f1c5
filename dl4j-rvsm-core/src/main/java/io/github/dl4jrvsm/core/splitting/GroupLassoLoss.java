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
 *
 * <p>A ComputationGraph hands a regularization its weights as a flat view, where no channel can be found: bound to a
 * layer with {@link #forLayout} (as {@link io.github.dl4jrvsm.core.training.SparseTraining} does), the term reads
 * them in the layer's {@link WeightLayout}.
 */
public final class GroupLassoLoss implements Regularization {

    private static final double SMOOTHING = 1e-8;

    @JsonProperty("lambda")
    private final double lambda;
    @JsonProperty("grouping")
    private final ChannelGrouping grouping;
    @JsonProperty("layout")
    private final WeightLayout layout;

    @JsonCreator
    public GroupLassoLoss(@JsonProperty("lambda") double lambda, @JsonProperty("grouping") ChannelGrouping grouping,
                          @JsonProperty("layout") WeightLayout layout) {
        this.lambda = Validate.nonNegative("lambda", lambda);
        this.grouping = Validate.notNull("grouping", grouping, "OUTPUT or INPUT");
        this.layout = layout;
    }

    /** Not yet bound to a layer: the weights it is given must have their own shape. */
    public GroupLassoLoss(double lambda, ChannelGrouping grouping) {
        this(lambda, grouping, null);
    }

    /** A copy that reads the weights it is given in {@code weightLayout}. */
    public GroupLassoLoss forLayout(WeightLayout weightLayout) {
        return new GroupLassoLoss(lambda, grouping, weightLayout);
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
        INDArray w = shaped(param);
        INDArray gradient = GroupNorms.scaled(w, smoothedNorms(w).rdivi(lambda), grouping);
        gradView.addi(layout == null ? gradient.reshape(gradView.shape()) : layout.like(gradient, gradView));
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        return lambda * smoothedNorms(shaped(param)).sumNumber().doubleValue();
    }

    private INDArray shaped(INDArray param) {
        return layout == null ? param : layout.shape(param);
    }

    private INDArray smoothedNorms(INDArray w) {
        INDArray norms = GroupNorms.of(w, grouping).castTo(DataType.DOUBLE);
        return Transforms.sqrt(norms.muli(norms).addi(SMOOTHING), false);
    }

    @Override
    public GroupLassoLoss clone() {
        return new GroupLassoLoss(lambda, grouping, layout);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupLassoLoss g && g.lambda == lambda && g.grouping == grouping
                && Objects.equals(g.layout, layout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lambda, grouping, layout);
    }

    @Override
    public String toString() {
        return "GroupLassoLoss(lambda=" + lambda + ", grouping=" + grouping + ")";
    }
}
