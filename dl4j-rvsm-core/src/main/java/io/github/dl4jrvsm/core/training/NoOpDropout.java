package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes dropout that keeps every activation: DL4J's {@link Dropout} with retain probability 1 and no schedule,
 * which {@code KerasModelImport} sets on every layer it imports.
 *
 * <p>Why: it is the identity, but DL4J 1.0.0-M2.1 still applies it, and in the backward pass of an NHWC convolution
 * it multiplies the NCHW gradient by the NHWC mask: {@code Op [multiply] execution failed} from
 * {@code Dropout.backprop} on DL4J's own convolution code, NaN updates with the oneDNN helper. So a Keras
 * {@code channels_last} network cannot be trained, sparse or not, until it is gone. Call this once on an imported
 * network before training it; inference is unchanged.
 */
public final class NoOpDropout {

    private NoOpDropout() {
    }

    /** Whether {@code d} is a {@link Dropout} that keeps every activation at every iteration. */
    public static boolean isNoOp(IDropout d) {
        return d instanceof Dropout keep && keep.getP() == 1.0 && keep.getPSchedule() == null;
    }

    /**
     * Clears the no-op dropout of every layer of {@code model} (the running network's own configurations).
     *
     * @return the names of the layers it was removed from
     */
    public static List<String> remove(Model model) {
        List<String> cleared = new ArrayList<>();
        for (NamedLayer l : NamedLayer.of(model)) {
            if (isNoOp(l.config().getIDropout())) {
                l.config().setIDropout(null);
                cleared.add(l.name());
            }
        }
        return cleared;
    }
}
