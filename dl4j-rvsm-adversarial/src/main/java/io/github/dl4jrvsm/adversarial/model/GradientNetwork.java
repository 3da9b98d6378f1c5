package io.github.dl4jrvsm.adversarial.model;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A private copy of a network whose training-mode backward pass yields the input gradient of one attack loss in one
 * {@link GradientMode} (see {@link TwinConfigs}). It copies the source's parameters again whenever the source has
 * trained since the last copy, so it can follow a model during adversarial training.
 */
final class GradientNetwork {

    private final NetworkAdapter source;
    private final GradientMode mode;
    private final AttackLoss loss;
    private NetworkAdapter twin;
    private LogitsRecorder recorder;
    private long syncedIteration = Long.MIN_VALUE;

    GradientNetwork(Model source, GradientMode mode, AttackLoss loss) {
        this.source = NetworkAdapter.of(source);
        this.mode = mode;
        this.loss = loss;
    }

    /** d(sum over the batch of the per-example loss)/dx, i.e. each example's own loss gradient. */
    INDArray inputGradient(INDArray x, INDArray labels) {
        prepare(x);
        return twin.match(m -> m.calculateGradients(x, labels, null, null).getSecond(), g -> tappedGradient(g, x, labels));
    }

    /**
     * The input gradient with the logits of the same pass, from which the loss values and predictions follow without
     * another forward pass.
     */
    LossGradient evaluate(INDArray x, INDArray labels) {
        INDArray gradient = inputGradient(x, labels);
        INDArray logits = recorder.take();
        if (logits == null) {
            throw new IllegalStateException("The gradient network's output loss was not called in the backward pass");
        }
        return new LossGradient(loss.values(logits, labels), logits, gradient);
    }

    /** A graph has no input gradient API: the twin's tap layer records it during the backward pass. */
    private static INDArray tappedGradient(ComputationGraph g, INDArray x, INDArray labels) {
        g.setInputs(x);
        g.setLabels(labels);
        g.computeGradientAndScore();
        g.clearLayersStates();
        INDArray grad = ((InputGradientTapLayer) g.getLayer(TwinConfigs.TAP)).take();
        if (grad == null) {
            throw new IllegalStateException("The graph did not produce an input gradient (frozen layers stop backprop)");
        }
        return grad;
    }

    /** The twin's output in inference mode: probabilities for cross-entropy, logits for the other losses. */
    INDArray output(INDArray x) {
        prepare(x);
        return twin.output(x, false);
    }

    /** Per-example loss, {@code [n]}. */
    INDArray losses(INDArray x, INDArray labels) {
        prepare(x);
        // from the gradient network's own output: probabilities (cross-entropy) or logits (margin)
        INDArray out = twin.output(x, false);
        if (loss != AttackLoss.CROSS_ENTROPY) {
            return loss.values(out, labels);
        }
        INDArray p = Transforms.max(out.mul(labels).sum(1), 1e-30, false);
        return Transforms.log(p, false).negi().reshape(x.size(0));
    }

    /** The next gradient or loss copies the source's parameters again, whatever its iteration count says. */
    void invalidate() {
        syncedIteration = Long.MIN_VALUE;
    }

    private void prepare(INDArray x) {
        if (twin == null) {
            build(x);
        }
        long it = source.iterationCount();
        if (it != syncedIteration) {
            sync();
            syncedIteration = it;
        }
    }

    private void build(INDArray x) {
        Map<String, Integer> ranks = batchNormInputRanks(x);
        Model net = source.match(mln -> {
            MultiLayerNetwork m = new MultiLayerNetwork(TwinConfigs.of(mln.getLayerWiseConfigurations(), ranks, mode, loss));
            m.init();
            return m;
        }, cg -> {
            ComputationGraph g = new ComputationGraph(TwinConfigs.of(cg.getConfiguration(), ranks, mode, loss));
            g.init();
            return g;
        });
        twin = NetworkAdapter.of(net);
        recorder = (LogitsRecorder) outputLoss(twin.match(MultiLayerNetwork::getOutputLayer, g -> g.getOutputLayer(0)));
    }

    /** The loss instance the twin's output layer runs with (its configuration's, which TwinConfigs wrapped). */
    private static ILossFunction outputLoss(Layer output) {
        if (output.conf().getLayer() instanceof BaseOutputLayer o) {
            return o.getLossFn();
        }
        return ((LossLayer) output.conf().getLayer()).getLossFn();
    }

    /** The rank of each batch-norm layer's input, from one inference pass on the first example. */
    private Map<String, Integer> batchNormInputRanks(INDArray x) {
        Map<String, Integer> ranks = new HashMap<>();
        INDArray one = x.get(NDArrayIndex.interval(0, 1));
        List<NamedLayer> layers = source.layers();
        if (layers.stream().noneMatch(l -> l.config() instanceof BatchNormalization)) {
            return ranks;
        }
        Map<String, INDArray> acts = source.layerOutputs(one, false);
        for (NamedLayer l : layers) {
            if (l.config() instanceof BatchNormalization) {
                ranks.put(l.name(), acts.get(l.name()).rank());
            }
        }
        return ranks;
    }

    private void sync() {
        for (NamedLayer l : source.layers()) {
            Layer src = source.layer(l);
            Layer dst = twin.layer(l);
            if (mode == GradientMode.INFERENCE && l.config() instanceof BatchNormalization bn) {
                foldBatchNorm(bn, src, dst);
            } else {
                for (Map.Entry<String, INDArray> p : src.paramTable().entrySet()) {
                    dst.getParam(p.getKey()).assign(p.getValue());
                }
            }
        }
    }

    /** y = gamma (x - mean) / sqrt(var + eps) + beta  ==  a x + b, per channel. */
    private static void foldBatchNorm(BatchNormalization bn, Layer src, Layer dst) {
        INDArray mean = src.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(-1);
        INDArray var;
        if (bn.isUseLogStd()) {
            INDArray log10Std = src.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).reshape(-1);
            INDArray std = Transforms.pow(Nd4j.valueArrayOf(log10Std.shape(), 10.0, log10Std.dataType()), log10Std, false);
            var = std.muli(std);
        } else {
            var = src.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).reshape(-1).dup();
        }
        INDArray gamma, beta;
        if (bn.isLockGammaBeta()) {
            gamma = Nd4j.valueArrayOf(mean.shape(), bn.getGamma(), mean.dataType());
            beta = Nd4j.valueArrayOf(mean.shape(), bn.getBeta(), mean.dataType());
        } else {
            gamma = src.getParam(BatchNormalizationParamInitializer.GAMMA).reshape(-1);
            beta = src.getParam(BatchNormalizationParamInitializer.BETA).reshape(-1);
        }
        INDArray a = gamma.div(Transforms.sqrt(var.addi(bn.getEps()), false));
        INDArray b = beta.sub(mean.mul(a));
        INDArray w = dst.getParam("W");
        if (w.rank() == 4) {
            w.assign(a.reshape(w.shape()));
        } else {
            w.assign(Nd4j.diag(a));
        }
        INDArray bias = dst.getParam("b");
        bias.assign(b.reshape(bias.shape()));
    }
}
