package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.HostArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What counts as a successful adversarial example, given the one-hot labels an attack was run with. A value rather
 * than a {@code targeted} flag, as Foolbox's criteria: the labels mean the true classes for one and the target classes
 * for the other, and every attack asks the criterion instead of branching on a flag.
 */
public enum Criterion {

    /** Labels are the true classes; success when the model predicts another class. */
    MISCLASSIFICATION {
        @Override
        boolean holds(int predicted, int label) {
            return predicted != label;
        }
    },

    /** Labels are target classes; success when the model predicts the target. */
    TARGETED_MISCLASSIFICATION {
        @Override
        boolean holds(int predicted, int label) {
            return predicted == label;
        }
    };

    abstract boolean holds(int predicted, int label);

    /** Per example, whether the criterion holds for these class probabilities (or logits). */
    public boolean[] isMet(INDArray probabilities, INDArray labels) {
        return isMet(HostArrays.argMax(probabilities), HostArrays.argMax(labels));
    }

    /** Per example, whether the criterion holds for the predicted classes and the label classes. */
    public boolean[] isMet(int[] predicted, int[] label) {
        boolean[] out = new boolean[predicted.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = holds(predicted[i], label[i]);
        }
        return out;
    }

    /** +1 when the attack climbs the loss of the labels (untargeted), -1 when it descends it (targeted). */
    public double lossSign() {
        return this == MISCLASSIFICATION ? 1 : -1;
    }

    public boolean isTargeted() {
        return this == TARGETED_MISCLASSIFICATION;
    }
}
