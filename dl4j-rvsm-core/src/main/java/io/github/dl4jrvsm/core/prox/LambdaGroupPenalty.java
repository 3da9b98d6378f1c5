package io.github.dl4jrvsm.core.prox;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** A group penalty with one weight {@code lambda}: group l0 and group lasso; they differ in their factor and value. */
abstract class LambdaGroupPenalty extends LambdaPenalty implements GroupPenalty {

    @JsonProperty("grouping")
    private final ChannelGrouping grouping;

    LambdaGroupPenalty(double lambda, ChannelGrouping grouping) {
        super(lambda);
        this.grouping = GroupNorms.checked(grouping);
    }

    @Override
    public ChannelGrouping getGrouping() {
        return grouping;
    }

    @Override
    String otherSettings() {
        return "grouping=" + grouping;
    }

    @Override
    public double[] magnitudes(INDArray w) {
        return GroupPenalty.super.magnitudes(w);
    }
}
