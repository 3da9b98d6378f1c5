package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;

/**
 * The weight and bias of a convolution or dense layer in the new network: the removed input constants folded into
 * the bias (or merged into the carrier channel), then the kept output and input channels sliced out.
 */
final class ProducerParams {

    private ProducerParams() {
    }

    static Map<String, INDArray> of(Map<String, INDArray> old, SurgeryPlan plan, ChannelNode n) {
        INDArray w = old.get("W").castTo(DataType.DOUBLE);
        boolean dense = w.rank() == 2;
        int nOut = (int) (dense ? w.size(1) : w.size(0));
        int factor = 1;
        boolean channelsLast = false;
        CnnToFeedForwardPreProcessor flat = plan.graph().flattening(n);
        if (flat != null) {
            factor = (int) (flat.getInputHeight() * flat.getInputWidth());
            channelsLast = flat.getFormat() == CNN2DFormat.NHWC;
        }
        if (channelsLast) {
            // the rows of a dense layer after an NHWC flatten are (h, w, c); the folding works on (c, h, w)
            w = ConstantFolding.channelMajor(w, factor);
        }
        int inChannels = (int) (dense ? w.size(0) / factor : w.size(1));
        double[] bias = old.containsKey("b") ? old.get("b").castTo(DataType.DOUBLE).reshape(nOut).toDoubleVector()
                : new double[nOut];
        boolean biasNeeded = old.containsKey("b");

        String input = n.inputs().get(0);
        SpaceDecision in = plan.decision(input);
        int[] keptIn = plan.kept(input, inChannels);
        if (in != null && in.changes()) {
            double[] k = plan.constants().of(input);
            int[] removed = NetworkRebuilder.removed(inChannels, keptIn);
            boolean anyNonZero = false;
            for (int c : removed) {
                anyNonZero |= k[c] != 0;
            }
            if (anyNonZero && in.carrier() >= 0) {
                w = ConstantFolding.mergeIntoCarrier(w, dense, factor, removed, k, in.carrier());
            } else if (anyNonZero) {
                double[] delta = ConstantFolding.biasIncrement(w, dense, factor, removed, k);
                for (int o = 0; o < nOut; o++) {
                    bias[o] += delta[o];
                }
                biasNeeded = true;
            }
        }
        int[] keptOut = plan.kept(n.name(), nOut);
        INDArray newW;
        if (dense) {
            INDArray v = ConstantFolding.denseView(w, factor);               // [in, factor, out]
            v = Slicing.select(Slicing.select(v, 0, keptIn), 2, keptOut);
            newW = v.reshape('c', (long) keptIn.length * factor, keptOut.length);
            if (channelsLast) {
                newW = ConstantFolding.positionMajor(newW, factor);
            }
        } else {
            newW = Slicing.select(Slicing.select(w, 0, keptOut), 1, keptIn);
        }
        Map<String, INDArray> out = new HashMap<>();
        out.put("W", newW);
        if (biasNeeded) {
            out.put("b", Slicing.select(Nd4j.createFromArray(bias), 0, keptOut));
        }
        return out;
    }
}
