package io.github.dl4jrvsm.core.training;

import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-measures the running mean and variance of every batch-norm layer on data.
 *
 * <p>Batch norm's running statistics describe the activations of the weights they were measured with. When the
 * weights are replaced by their sparse copy those activations change, and a highly sparse network can drop to chance
 * accuracy for that reason alone. Like PyTorch's {@code update_bn}, this runs training-mode forward passes (each
 * batch-norm layer normalises with batch statistics) and pools, over all examples seen, the mean and the biased
 * variance of every batch-norm layer's input, which then replace the running statistics.
 */
public final class BatchNormStatistics {

    public static final int DEFAULT_MAX_BATCHES = 50;

    private BatchNormStatistics() {
    }

    /** Re-estimates from at most {@code maxBatches} batches of {@code data}; resets {@code data} before and after. */
    public static void reestimate(Model model, DataSetIterator data, int maxBatches) {
        if (data == null) {
            throw new IllegalArgumentException("Batch-norm re-estimation needs data: pass an iterator over (a few "
                    + "thousand) training examples");
        }
        if (maxBatches < 1) {
            throw new IllegalArgumentException("maxBatches must be >= 1, got " + maxBatches);
        }
        Map<String, Accumulator> acc = new LinkedHashMap<>();
        for (NamedLayer l : NamedLayer.of(model)) {
            if (l.config() instanceof BatchNormalization bn) {
                acc.put(l.name(), new Accumulator(l, bn));
            }
        }
        if (acc.isEmpty()) {
            return;
        }
        if (data.resetSupported()) {
            data.reset();
        }
        int batches = 0;
        while (data.hasNext() && batches < maxBatches) {
            INDArray features = data.next().getFeatures();
            Map<String, INDArray> inputs = NetworkAdapter.of(model).layerInputs(features, true, acc.keySet());
            for (Map.Entry<String, INDArray> e : inputs.entrySet()) {
                acc.get(e.getKey()).add(e.getValue());
            }
            batches++;
        }
        if (data.resetSupported()) {
            data.reset();
        }
        if (batches == 0) {
            throw new IllegalArgumentException("The batch-norm data iterator returned no batch");
        }
        for (Accumulator a : acc.values()) {
            a.store(NetworkAdapter.of(model).layer(a.layer));
        }
    }

    /** The network model has at least one batch-norm layer. */
    public static boolean hasBatchNorm(Model model) {
        return NamedLayer.of(model).stream().anyMatch(l -> l.config() instanceof BatchNormalization);
    }


    /** Pooled per-channel sums in double precision. */
    private static final class Accumulator {
        final NamedLayer layer;
        final BatchNormalization conf;
        INDArray sum;
        INDArray sumSq;
        long count;

        Accumulator(NamedLayer layer, BatchNormalization conf) {
            this.layer = layer;
            this.conf = conf;
        }

        void add(INDArray x) {
            INDArray d = x.castTo(DataType.DOUBLE);
            int[] reduce = reduceDims(d);
            INDArray s = d.sum(reduce), sq = d.mul(d).sum(reduce);
            sum = sum == null ? s : sum.addi(s);
            sumSq = sumSq == null ? sq : sumSq.addi(sq);
            count += d.length() / s.length();
        }

        int[] reduceDims(INDArray x) {
            if (x.rank() == 2) {
                return new int[]{0};
            }
            if (x.rank() == 4) {
                return conf.getCnn2DFormat() == CNN2DFormat.NHWC ? new int[]{0, 1, 2} : new int[]{0, 2, 3};
            }
            throw new IllegalStateException("Batch-norm layer '" + layer.name() + "' has input of rank " + x.rank()
                    + "; only rank 2 (dense) and rank 4 (convolution) inputs are supported");
        }

        void store(Layer live) {
            INDArray mean = sum.div(count);
            // Clamp: a channel whose filter was pruned to zero is constant, and log10(0) would put -inf into the model.
            INDArray var = Nd4j.getExecutioner().exec(new ScalarMax(
                    sumSq.div(count).subi(mean.mul(mean)), 1e-20));
            INDArray meanParam = live.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
            meanParam.assign(mean.reshape(meanParam.shape()));
            if (conf.isUseLogStd()) {
                INDArray p = live.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
                p.assign(Transforms.log(var, 10.0, false).muli(0.5).reshape(p.shape()));
            } else {
                INDArray p = live.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR);
                p.assign(var.reshape(p.shape()));
            }
        }
    }

    /** The names of the model's batch-norm layers, in model order. */
    public static List<String> batchNormLayers(Model model) {
        List<String> out = new ArrayList<>();
        for (NamedLayer l : NamedLayer.of(model)) {
            if (l.config() instanceof BatchNormalization) {
                out.add(l.name());
            }
        }
        return out;
    }
}
