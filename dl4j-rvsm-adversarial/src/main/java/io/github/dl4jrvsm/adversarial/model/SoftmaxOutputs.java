package io.github.dl4jrvsm.adversarial.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites, in a gradient network's configuration, the two classifier ends {@code KerasModelImport} builds into the
 * one the attacks read logits from (a loss layer with softmax activation whose input are the logits):
 * <ul>
 * <li>a softmax {@code Dense} of a compiled Keras model becomes a {@code DenseLayer} with softmax activation followed
 * by a {@code LossLayer} with identity activation and MCXENT (categorical cross-entropy) or NLL. The softmax moves
 * into the loss layer: the same function, but the loss layer's input are now the logits and DL4J's cross-entropy
 * gradient is the stable softmax one;</li>
 * <li>a model imported without a training configuration ends in the softmax layer itself, with no loss layer, and
 * DL4J computes no gradient for it: the softmax again becomes identity and a softmax/MCXENT loss layer is appended.</li>
 * </ul>
 * Anything else is left alone; {@link TwinConfigs} refuses what it cannot read logits from.
 */
final class SoftmaxOutputs {

    /** Name of the loss layer appended to a network that has none. */
    static final String LOSS = "__rvsm_softmax_loss";

    private SoftmaxOutputs() {
    }

    /** Rewrites {@code conf} (a private clone) in place. */
    static void normalise(MultiLayerConfiguration conf) {
        int last = conf.getConfs().size() - 1;
        Layer out = conf.getConf(last).getLayer();
        if (out instanceof LossLayer loss && last > 0) {
            moveSoftmax(conf.getConf(last - 1).getLayer(), loss);
        } else if (!isOutput(out) && hasSoftmax(out)) {
            setActivation(out, new ActivationIdentity());
            NeuralNetConfiguration c = new NeuralNetConfiguration.Builder().layer(softmaxLoss()).build();
            c.setDataType(conf.getDataType());
            conf.getConfs().add(c);
        }
    }

    /** Rewrites {@code conf} (a private clone with one output) in place. */
    static void normalise(ComputationGraphConfiguration conf) {
        String output = conf.getNetworkOutputs().get(0);
        if (!(conf.getVertices().get(output) instanceof LayerVertex lv)) {
            return;
        }
        Layer out = lv.getLayerConf().getLayer();
        List<String> inputs = conf.getVertexInputs().getOrDefault(output, List.of());
        if (out instanceof LossLayer loss && inputs.size() == 1) {
            GraphVertex before = conf.getVertices().get(inputs.get(0));
            if (before instanceof LayerVertex b) {
                moveSoftmax(b.getLayerConf().getLayer(), loss);
            }
        } else if (!isOutput(out) && hasSoftmax(out)) {
            setActivation(out, new ActivationIdentity());
            NeuralNetConfiguration c = new NeuralNetConfiguration.Builder().layer(softmaxLoss()).build();
            c.setDataType(conf.getDataType());
            conf.getVertices().put(LOSS, new LayerVertex(c, null));
            conf.getVertexInputs().put(LOSS, new ArrayList<>(List.of(output)));
            conf.setNetworkOutputs(new ArrayList<>(List.of(LOSS)));
            conf.setTopologicalOrder(null);
            conf.setTopologicalOrderStr(null);
        }
    }

    /** Softmax layer then identity cross-entropy loss layer: the softmax moves into the loss layer. */
    private static void moveSoftmax(Layer before, LossLayer loss) {
        if (loss.getActivationFn() instanceof ActivationIdentity && isCrossEntropy(loss.getLossFn())
                && !isOutput(before) && hasSoftmax(before)) {
            setActivation(before, new ActivationIdentity());
            loss.setActivationFn(new ActivationSoftmax());
        }
    }

    static boolean isCrossEntropy(ILossFunction fn) {
        return fn instanceof LossMCXENT || fn instanceof LossNegativeLogLikelihood;
    }

    private static boolean isOutput(Layer l) {
        return l instanceof BaseOutputLayer || l instanceof LossLayer;
    }

    private static boolean hasSoftmax(Layer l) {
        return activation(l) instanceof ActivationSoftmax;
    }

    private static IActivation activation(Layer l) {
        if (l instanceof BaseLayer b) {
            return b.getActivationFn();
        }
        return l instanceof ActivationLayer a ? a.getActivationFn() : null;
    }

    private static void setActivation(Layer l, IActivation a) {
        if (l instanceof BaseLayer b) {
            b.setActivationFn(a);
        } else {
            ((ActivationLayer) l).setActivationFn(a);
        }
    }

    private static LossLayer softmaxLoss() {
        return new LossLayer.Builder(new LossMCXENT()).name(LOSS).activation(new ActivationSoftmax()).build();
    }
}
