package io.github.dl4jrvsm.adversarial.attack;

import io.github.dl4jrvsm.adversarial.model.AttackLoss;
import io.github.dl4jrvsm.adversarial.model.HostArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Carlini-Wagner margin {@code max_{i != y} z_i - z_y} from class probabilities: log-probabilities differ from the
 * logits by one constant per example, so their differences are the logits' differences.
 */
final class Margins {

    private Margins() {
    }

    static double[] of(INDArray probabilities, INDArray labels) {
        INDArray logp = Transforms.log(Transforms.max(probabilities, 1e-30, true), false);
        return AttackLoss.MARGIN.values(logp, labels).toDoubleVector();
    }

    /** One-hot rows of the given classes. */
    static INDArray oneHot(int[] classes, int numClasses, DataType type) {
        INDArray out = Nd4j.zeros(type, classes.length, numClasses);
        for (int i = 0; i < classes.length; i++) {
            out.putScalar(i, classes[i], 1.0);
        }
        return out;
    }

    /** Per-example scale of a tensor: row i multiplied by {@code scale[i]}. */
    static INDArray scaleRows(INDArray a, double[] scale) {
        INDArray column = HostArrays.create(scale, new long[]{scale.length, 1}, a.dataType());
        return a.reshape(a.size(0), a.length() / a.size(0)).mulColumnVector(column).reshape(a.shape());
    }

    /** Squared L2 distance of each example. */
    static double[] squaredL2(INDArray a, INDArray b) {
        INDArray d = a.sub(b);
        INDArray flat = d.reshape(d.size(0), d.length() / d.size(0));
        return flat.mul(flat).sum(1).toDoubleVector();
    }
}
