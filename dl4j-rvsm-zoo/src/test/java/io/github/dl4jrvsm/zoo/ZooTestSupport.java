package io.github.dl4jrvsm.zoo;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/** Shared fixtures of the zoo tests: random inputs, parameter counting, forward passes. */
final class ZooTestSupport {

    private ZooTestSupport() {
    }

    /** Uniform [0, 1) images of the given shape, seeded. */
    static INDArray randomImages(InputShape shape, int batch, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, shape.batchShape(batch));
    }

    /** DL4J's parameter count (includes batch-norm running mean and variance). */
    static long params(Model m) {
        return m.numParams();
    }

    /** Parameters a gradient updates: DL4J's count minus the batch-norm running statistics (PyTorch's count). */
    static long trainableParams(Model m) {
        long n = 0;
        for (Map.Entry<String, INDArray> e : m.paramTable().entrySet()) {
            String k = e.getKey();
            if (!k.endsWith("_mean") && !k.endsWith("_var") && !k.endsWith("_log10stdev")) {
                n += e.getValue().length();
            }
        }
        return n;
    }

    /** Inference output of a MultiLayerNetwork or single-output ComputationGraph. */
    static INDArray output(Model m, INDArray x) {
        return m instanceof MultiLayerNetwork mln ? mln.output(x) : ((ComputationGraph) m).outputSingle(x);
    }

    /** Loss on {@code d} in training mode (batch statistics, noise on): the quantity the optimiser lowers. */
    static double trainingLoss(Model m, DataSet d) {
        return m instanceof MultiLayerNetwork mln ? mln.score(d, true) : ((ComputationGraph) m).score(d, true);
    }

    static void fit(Model m, DataSet d) {
        if (m instanceof MultiLayerNetwork mln) {
            mln.fit(d);
        } else {
            ((ComputationGraph) m).fit(d);
        }
    }

    static void assertRelativelyClose(double expected, double actual, double relTol, String what) {
        if (Math.abs(actual - expected) > relTol * Math.abs(expected)) {
            throw new AssertionError(what + ": expected " + expected + " within " + relTol * 100 + "% but got "
                    + actual);
        }
    }
}
