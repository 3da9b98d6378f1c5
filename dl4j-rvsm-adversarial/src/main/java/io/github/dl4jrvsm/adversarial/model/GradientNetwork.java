package io.github.dl4jrvsm.adversarial.model;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
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

    private final Model source;
    private final GradientMode mode;
    private final AttackLoss loss;
    private Model twin;
    private long syncedIteration = Long.MIN_VALUE;

    GradientNetwork(Model source, GradientMode mode, AttackLoss loss) {
        this.source = source;
        this.mode = mode;
        this.loss = loss;
    }

    /** d(sum over the batch of the per-example loss)/dx, i.e. each example's own loss gradient. */
    INDArray inputGradient(INDArray x, INDArray labels) {
        prepare(x);
        if (twin instanceof MultiLayerNetwork m) {
            return m.calculateGradients(x, labels, null, null).getSecond();
        }
        ComputationGraph g = (ComputationGraph) twin;
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

    /** Per-example loss, {@code [n]}. */
    INDArray losses(INDArray x, INDArray labels) {
        prepare(x);
        // from the gradient network's own output: probabilities (cross-entropy) or logits (margin)
        INDArray out = twin instanceof MultiLayerNetwork m ? m.output(x, false) : ((ComputationGraph) twin).outputSingle(false, x);
        if (loss == AttackLoss.MARGIN) {
            return MarginLossFunction.margins(labels, out).reshape(x.size(0));
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
        long it = iteration(source);
        if (it != syncedIteration) {
            sync();
            syncedIteration = it;
        }
    }

    private static long iteration(Model m) {
        return m instanceof MultiLayerNetwork mln ? mln.getIterationCount() : ((ComputationGraph) m).getIterationCount();
    }

    private void build(INDArray x) {
        Map<String, Integer> ranks = batchNormInputRanks(x);
        if (source instanceof MultiLayerNetwork mln) {
            MultiLayerNetwork net = new MultiLayerNetwork(TwinConfigs.of(mln.getLayerWiseConfigurations(), ranks, mode, loss));
            net.init();
            twin = net;
        } else if (source instanceof ComputationGraph cg) {
            ComputationGraph net = new ComputationGraph(TwinConfigs.of(cg.getConfiguration(), ranks, mode, loss));
            net.init();
            twin = net;
        } else {
            throw new IllegalArgumentException("Attacks need a MultiLayerNetwork or ComputationGraph, got "
                    + (source == null ? "null" : source.getClass().getName()));
        }
    }

    /** The rank of each batch-norm layer's input, from one inference pass on the first example. */
    private Map<String, Integer> batchNormInputRanks(INDArray x) {
        Map<String, Integer> ranks = new HashMap<>();
        INDArray one = x.get(NDArrayIndex.interval(0, 1));
        List<NamedLayer> layers = NamedLayer.of(source);
        if (layers.stream().noneMatch(l -> l.config() instanceof BatchNormalization)) {
            return ranks;
        }
        if (source instanceof MultiLayerNetwork mln) {
            List<INDArray> acts = mln.feedForward(one, false);
            for (NamedLayer l : layers) {
                if (l.config() instanceof BatchNormalization) {
                    ranks.put(l.name(), acts.get(l.index() + 1).rank());
                }
            }
        } else {
            Map<String, INDArray> acts = ((ComputationGraph) source).feedForward(one, false);
            for (NamedLayer l : layers) {
                if (l.config() instanceof BatchNormalization) {
                    ranks.put(l.name(), acts.get(l.name()).rank());
                }
            }
        }
        return ranks;
    }

    private void sync() {
        List<NamedLayer> from = NamedLayer.of(source);
        for (NamedLayer l : from) {
            Layer src = live(source, l);
            Layer dst = live(twin, l);
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

    private static Layer live(Model m, NamedLayer l) {
        return m instanceof MultiLayerNetwork mln ? mln.getLayer(l.index()) : ((ComputationGraph) m).getLayer(l.name());
    }
}
