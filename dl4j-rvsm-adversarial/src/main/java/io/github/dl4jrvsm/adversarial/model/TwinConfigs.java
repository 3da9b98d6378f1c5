package io.github.dl4jrvsm.adversarial.model;

import io.github.dl4jrvsm.core.model.StochasticLayerConfig;
import io.github.dl4jrvsm.core.training.NoOpDropout;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.activations.IActivation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the configuration of a gradient network: a copy of the user's network whose training-mode backward pass is
 * the gradient an attack needs.
 *
 * <p>DL4J computes input gradients only in training mode, where batch norm uses batch statistics and dropout is on.
 * For {@link GradientMode#INFERENCE} this copy replaces every batch-norm layer by the affine map its running
 * statistics define (a 1x1 depthwise convolution, or a dense layer for 2-D input; DL4J's batch-norm layer ignores
 * its configured activation, so the replacement has none either), removes
 * dropout, and gives stochastic layers their inference behaviour. For every loss but cross-entropy the softmax output
 * becomes an identity output with that loss on the logits, so the gradient is that of the loss. The output loss is
 * wrapped in a {@link LogitsRecorder}, which keeps the logits of each backward pass. Classifier ends as
 * {@code KerasModelImport} builds them are first brought into that form by {@link SoftmaxOutputs}.
 */
final class TwinConfigs {

    private TwinConfigs() {
    }

    static MultiLayerConfiguration of(MultiLayerConfiguration source, Map<String, Integer> bnInputRank,
                                      GradientMode mode, AttackLoss loss) {
        MultiLayerConfiguration conf = source.clone();
        SoftmaxOutputs.normalise(conf);
        int last = conf.getConfs().size() - 1;
        for (int i = 0; i <= last; i++) {
            NeuralNetConfiguration c = conf.getConf(i);
            c.setLayer(transform(c.getLayer(), layerName(c.getLayer(), i), bnInputRank, mode, loss, i == last));
        }
        return conf;
    }

    static ComputationGraphConfiguration of(ComputationGraphConfiguration source, Map<String, Integer> bnInputRank,
                                            GradientMode mode, AttackLoss loss) {
        ComputationGraphConfiguration conf = source.clone();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new IllegalArgumentException("Attacks support graphs with one input and one output; this graph has "
                    + "inputs " + conf.getNetworkInputs() + " and outputs " + conf.getNetworkOutputs());
        }
        SoftmaxOutputs.normalise(conf);
        String output = conf.getNetworkOutputs().get(0);
        for (var e : conf.getVertices().entrySet()) {
            if (e.getValue() instanceof LayerVertex lv) {
                NeuralNetConfiguration c = lv.getLayerConf();
                c.setLayer(transform(c.getLayer(), e.getKey(), bnInputRank, mode, loss, e.getKey().equals(output)));
            }
        }
        insertTap(conf);
        return conf;
    }

    /** Name of the {@link InputGradientTap} vertex in a graph gradient network. */
    static final String TAP = "__rvsm_input_gradient_tap";

    /** Routes the network input through an {@link InputGradientTap} so that its gradient can be read out. */
    private static void insertTap(ComputationGraphConfiguration conf) {
        String input = conf.getNetworkInputs().get(0);
        for (var inputs : conf.getVertexInputs().values()) {
            inputs.replaceAll(name -> name.equals(input) ? TAP : name);
        }
        NeuralNetConfiguration tapConf = new NeuralNetConfiguration.Builder().layer(new InputGradientTap(TAP)).build();
        tapConf.setDataType(conf.getDataType());
        conf.getVertices().put(TAP, new LayerVertex(tapConf, null));
        conf.getVertexInputs().put(TAP, new ArrayList<>(List.of(input)));
        conf.setTopologicalOrder(null);
        conf.setTopologicalOrderStr(null);
    }

    static String layerName(Layer l, int index) {
        return l.getLayerName() == null ? "layer" + index : l.getLayerName();
    }

    private static Layer transform(Layer layer, String name, Map<String, Integer> bnInputRank, GradientMode mode,
                                   AttackLoss loss, boolean isOutput) {
        Layer out = layer;
        if (mode == GradientMode.INFERENCE) {
            if (layer instanceof BatchNormalization bn) {
                out = affine(bn, name, bnInputRank.getOrDefault(name, 4));
            } else if (layer instanceof StochasticLayerConfig s) {
                out = s.inferenceBehaviourForTraining();
            }
            out.setIDropout(null);
        } else if (NoOpDropout.isNoOp(out.getIDropout())) {
            // the identity (KerasModelImport sets it on every layer), on which DL4J's NHWC backward pass fails
            out.setIDropout(null);
        }
        if (out instanceof BaseLayer b) {
            // The gradient network never takes an optimiser step; regularization would only cost time in its score.
            b.setRegularization(new ArrayList<>());
            b.setRegularizationBias(new ArrayList<>());
        }
        if (isOutput) {
            out = output(out, name, loss);
        }
        return out;
    }

    private static Layer affine(BatchNormalization bn, String name, int rank) {
        long c = bn.getNOut();
        if (rank == 4) {
            return new DepthwiseConvolution2D.Builder(1, 1).name(name).nIn(c).nOut(c).depthMultiplier(1)
                    .activation(Activation.IDENTITY).dataFormat(bn.getCnn2DFormat()).hasBias(true)
                    .weightInit(WeightInit.ONES).updater(new NoOp()).build();
        }
        if (rank == 2) {
            return new DenseLayer.Builder().name(name).nIn(c).nOut(c).activation(Activation.IDENTITY)
                    .hasBias(true).weightInit(WeightInit.ONES).updater(new NoOp()).build();
        }
        throw new IllegalArgumentException("Batch-norm layer '" + name + "' has input of rank " + rank
                + "; attacks support batch norm on 2-D (dense) and 4-D (convolution) activations");
    }

    private static Layer output(Layer layer, String name, AttackLoss loss) {
        if (layer instanceof BaseOutputLayer o) {
            requireProbabilities(name, o.getActivationFn(), o.getLossFn());
            o.setLossFn(new LogitsRecorder(lossOnLogits(loss, o.getLossFn())));
            o.setActivationFn(loss == AttackLoss.CROSS_ENTROPY ? o.getActivationFn() : new ActivationIdentity());
            return o;
        }
        if (layer instanceof LossLayer l) {
            requireProbabilities(name, l.getActivationFn(), l.getLossFn());
            l.setLossFn(new LogitsRecorder(lossOnLogits(loss, l.getLossFn())));
            l.setActivationFn(loss == AttackLoss.CROSS_ENTROPY ? l.getActivationFn() : new ActivationIdentity());
            return l;
        }
        throw new IllegalArgumentException("The output layer '" + name + "' is a " + layer.getClass().getSimpleName()
                + "; attacks need an OutputLayer or LossLayer with softmax activation and MCXENT or "
                + "NEGATIVELOGLIKELIHOOD loss, so that its input are logits, or a last layer with softmax activation "
                + "(followed or not by an identity MCXENT LossLayer, as KerasModelImport builds it)");
    }

    /** Cross-entropy keeps the model's own softmax loss; the others replace it by a loss on the logits. */
    private static ILossFunction lossOnLogits(AttackLoss loss, ILossFunction own) {
        return switch (loss) {
            case CROSS_ENTROPY -> own;
            case MARGIN, DLR, TARGETED_DLR, LOGIT_DIFFERENCE -> new LogitLossFunction(loss);
        };
    }

    private static void requireProbabilities(String name, IActivation act, ILossFunction fn) {
        if (!(act instanceof ActivationSoftmax) || !SoftmaxOutputs.isCrossEntropy(fn)) {
            throw new IllegalArgumentException("The output layer '" + name + "' has activation " + act + " and loss "
                    + fn + "; attacks need softmax with MCXENT or NEGATIVELOGLIKELIHOOD (" + Activation.SOFTMAX
                    + " probabilities over logits) to know the logits, or an identity LossLayer with one of those "
                    + "losses right after a layer with softmax activation (as KerasModelImport builds it)");
        }
    }
}
