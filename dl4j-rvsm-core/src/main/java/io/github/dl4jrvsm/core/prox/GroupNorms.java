package io.github.dl4jrvsm.core.prox;

import io.github.dl4jrvsm.core.internal.Validate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.DoubleUnaryOperator;

/** Group norms and per-group scaling of a weight tensor, shared by the group penalties and the reports. */
public final class GroupNorms {

    private GroupNorms() {
    }

    /** One Euclidean norm per group, as a vector of length {@code w.size(groupAxis)}. */
    public static INDArray of(INDArray w, ChannelGrouping grouping) {
        long[] axes = grouping.reducedAxes(w);
        int[] dims = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            dims[i] = (int) axes[i];
        }
        return w.norm2(dims).reshape(w.size(grouping.groupAxis(w)));
    }

    /** {@code w} with every group {@code g} multiplied by {@code scale[g]}, as a new array. */
    public static INDArray scaled(INDArray w, INDArray scale, ChannelGrouping grouping) {
        INDArray out = Nd4j.createUninitialized(w.dataType(), w.shape(), 'c');
        INDArray s = scale.castTo(w.dataType());
        Nd4j.getExecutioner().exec(new BroadcastMulOp(w, s, out, grouping.groupAxis(w)));
        return out;
    }

    /** One factor per group, {@code factor} applied to each norm; a new array. */
    static double[] perGroup(double[] norms, DoubleUnaryOperator factor) {
        double[] s = new double[norms.length];
        for (int g = 0; g < s.length; g++) {
            s[g] = factor.applyAsDouble(norms[g]);
        }
        return s;
    }

    /** Number of groups with a non-zero norm. */
    static double nonZeroCount(double[] norms) {
        int n = 0;
        for (double v : norms) {
            if (v != 0) {
                n++;
            }
        }
        return n;
    }

    static double sum(double[] norms) {
        double s = 0;
        for (double v : norms) {
            s += v;
        }
        return s;
    }

    /** The grouping, refused when missing. */
    static ChannelGrouping checked(ChannelGrouping grouping) {
        return Validate.notNull("grouping", grouping, "OUTPUT or INPUT");
    }
}
