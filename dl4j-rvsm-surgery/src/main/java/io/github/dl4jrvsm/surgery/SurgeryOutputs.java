package io.github.dl4jrvsm.surgery;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Compares the inference outputs of the original and the new network, the surgery's correctness criterion. */
public final class SurgeryOutputs {

    private SurgeryOutputs() {
    }

    /** Largest absolute difference between the two networks' outputs (every output of a graph) on {@code x}. */
    public static double maxAbsDifference(Model a, Model b, INDArray x) {
        INDArray[] oa = outputs(a, x), ob = outputs(b, x);
        double max = 0;
        for (int i = 0; i < oa.length; i++) {
            max = Math.max(max, oa[i].sub(ob[i]).amaxNumber().doubleValue());
        }
        return max;
    }

    private static INDArray[] outputs(Model m, INDArray x) {
        return NetworkAdapter.of(m).outputs(x);
    }
}
