package io.github.dl4jrvsm.core.admm;

import io.github.dl4jrvsm.core.internal.KthLargest;
import io.github.dl4jrvsm.core.internal.Validate;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.io.Serializable;

/**
 * Euclidean projection onto the set of tensors with at most a given share of non-zero entries (element-wise) or of
 * non-zero channels (structured): keep the largest magnitudes, zero the rest. Magnitudes, not signed values, decide
 * (one variant of the reference ADMM code ranks signed weights, which keeps the most positive ones instead).
 */
public final class MagnitudeProjection implements Serializable {

    @JsonProperty("pruneFraction")
    private final double pruneFraction;
    /** Null for element-wise projection, else the channel grouping of the structured projection. */
    @JsonProperty("grouping")
    private final ChannelGrouping grouping;

    @JsonCreator
    public MagnitudeProjection(@JsonProperty("pruneFraction") double pruneFraction,
                               @JsonProperty("grouping") ChannelGrouping grouping) {
        this.pruneFraction = Validate.inRange("pruneFraction", pruneFraction, pruneFraction >= 0 && pruneFraction < 1,
                "[0, 1) (the share of weights or channels set to zero)");
        this.grouping = grouping;
    }

    public static MagnitudeProjection elementwise(double pruneFraction) {
        return new MagnitudeProjection(pruneFraction, null);
    }

    public static MagnitudeProjection channels(double pruneFraction, ChannelGrouping grouping) {
        return new MagnitudeProjection(pruneFraction,
                Validate.notNull("grouping", grouping, "OUTPUT or INPUT for a channel projection"));
    }

    public double getPruneFraction() {
        return pruneFraction;
    }

    public ChannelGrouping getGrouping() {
        return grouping;
    }

    /** 1 where the projection keeps an entry, 0 where it zeroes it; same shape and type as {@code w}. */
    public INDArray mask(INDArray w) {
        if (grouping == null) {
            return keepLargest(Transforms.abs(w, true)).castTo(w.dataType());
        }
        INDArray keepGroups = keepLargest(GroupNorms.of(w, grouping));
        return GroupNorms.scaled(Nd4j.onesLike(w), keepGroups, grouping);
    }

    /** The projection of {@code w}, as a new array. */
    public INDArray project(INDArray w) {
        return w.mul(mask(w));
    }

    private INDArray keepLargest(INDArray magnitudes) {
        long n = magnitudes.length();
        long keep = Math.round((1 - pruneFraction) * n);
        if (keep >= n) {
            return Nd4j.onesLike(magnitudes);
        }
        if (keep == 0) {
            return Nd4j.zerosLike(magnitudes);
        }
        // the threshold is one of the magnitudes, so comparing in their own precision is exact
        double threshold = KthLargest.of(magnitudes, keep);
        return magnitudes.gte(threshold).castTo(magnitudes.dataType());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MagnitudeProjection p && p.pruneFraction == pruneFraction && p.grouping == grouping;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(pruneFraction) * 31 + (grouping == null ? 0 : grouping.hashCode());
    }

    @Override
    public String toString() {
        return "MagnitudeProjection(prune=" + pruneFraction + ", " + (grouping == null ? "elements" : grouping + " channels") + ")";
    }
}
