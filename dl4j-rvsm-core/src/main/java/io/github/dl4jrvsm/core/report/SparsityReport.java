package io.github.dl4jrvsm.core.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.dl4jrvsm.core.internal.NamedLayer;
import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.core.persist.AtomicFiles;
import io.github.dl4jrvsm.core.persist.JsonText;
import io.github.dl4jrvsm.core.prox.ChannelGrouping;
import io.github.dl4jrvsm.core.prox.GroupNorms;
import io.github.dl4jrvsm.core.training.LayerSelection;
import io.github.dl4jrvsm.core.training.SparseExport;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Per-layer and total sparsity of a network: exact-zero weights, zero channels, and parameters and FLOPs of the dense
 * network and of the network with zero channels removed. Serialises to JSON with Jackson.
 *
 * @param layers      one entry per convolution or dense layer, in model order
 * @param totalParams every parameter of the model (batch norm included)
 * @param inputShape  the per-example input shape the FLOPs were measured with
 */
public record SparsityReport(List<LayerSparsity> layers, long totalParams, long[] inputShape) {

    /** Channels whose l2 norm is below this are zero (the dissertation's definition). */
    public static final double CHANNEL_ZERO_NORM = 1e-15;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Measures {@code model}; one forward pass on a zero example of {@code inputShape} (without the batch
     * dimension, e.g. {@code 1, 28, 28} or {@code 784}) gives the activation sizes for the FLOPs.
     */
    public static SparsityReport of(Model model, long... inputShape) {
        if (inputShape == null || inputShape.length == 0) {
            throw new IllegalArgumentException("inputShape must give the shape of one example, e.g. 1, 28, 28");
        }
        long[] batchShape = new long[inputShape.length + 1];
        batchShape[0] = 1;
        System.arraycopy(inputShape, 0, batchShape, 1, inputShape.length);
        INDArray probe = Nd4j.zeros(DataType.FLOAT, batchShape);
        List<LayerSparsity> layers = new ArrayList<>();
        NetworkAdapter network = NetworkAdapter.of(model);
        Map<String, INDArray> acts = network.layerOutputs(probe, false);
        for (NamedLayer l : NamedLayer.of(model)) {
            if (!LayerSelection.isSupported(l.config())) {
                continue;
            }
            FeedForwardLayer ff = (FeedForwardLayer) l.config();
            INDArray out = acts.get(l.name());
            layers.add(measure(network, l, ff, out.length() / Math.max(1, ff.getNOut())));
        }
        return new SparsityReport(List.copyOf(layers), model.numParams(), inputShape.clone());
    }

    private static LayerSparsity measure(NetworkAdapter network, NamedLayer l, FeedForwardLayer conf, long positions) {
        INDArray w = network.param(l, SparseExport.WEIGHT_KEY);
        long weights = w.length();
        long zeroWeights = w.eq(0.0).castTo(DataType.INT64).sumNumber().longValue();
        long outCh = w.size(ChannelGrouping.OUTPUT.groupAxis(w)), inCh = w.size(ChannelGrouping.INPUT.groupAxis(w));
        long zeroOut = zeroGroups(w, ChannelGrouping.OUTPUT), zeroIn = zeroGroups(w, ChannelGrouping.INPUT);
        long perPair = weights / (outCh * inCh);
        long bias = network.layer(l).paramTable().containsKey("b") ? outCh : 0;
        long aliveOut = outCh - zeroOut, aliveIn = inCh - zeroIn;
        long macs = weights * positions, prunedMacs = aliveOut * aliveIn * perPair * positions;
        return new LayerSparsity(l.name(), l.typeName(), weights, zeroWeights, outCh, zeroOut, inCh, zeroIn,
                weights + bias, aliveOut * aliveIn * perPair + (bias == 0 ? 0 : aliveOut), 2 * macs, 2 * prunedMacs);
    }

    private static long zeroGroups(INDArray w, ChannelGrouping g) {
        return GroupNorms.of(w, g).castTo(DataType.DOUBLE).lt(CHANNEL_ZERO_NORM).castTo(DataType.INT64)
                .sumNumber().longValue();
    }

    @JsonProperty
    public long weights() {
        return sum(LayerSparsity::weights);
    }

    @JsonProperty
    public long zeroWeights() {
        return sum(LayerSparsity::zeroWeights);
    }

    /** Share of exactly-zero weights over all convolution and dense weights. */
    @JsonProperty
    public double sparsity() {
        return share(zeroWeights(), weights());
    }

    /** Share of zero output channels (filters, neurons) over all convolution and dense layers. */
    @JsonProperty
    public double channelSparsity() {
        return share(sum(LayerSparsity::zeroOutputChannels), sum(LayerSparsity::outputChannels));
    }

    /** Share of zero input channels, the dissertation's reference code's count. */
    @JsonProperty
    public double inputChannelSparsity() {
        return share(sum(LayerSparsity::zeroInputChannels), sum(LayerSparsity::inputChannels));
    }

    /** Model parameters after removing zero channels from the convolution and dense layers. */
    @JsonProperty
    public long prunedParams() {
        return totalParams - sum(l -> l.params() - l.prunedParams());
    }

    @JsonProperty
    public long flops() {
        return sum(LayerSparsity::flops);
    }

    @JsonProperty
    public long prunedFlops() {
        return sum(LayerSparsity::prunedFlops);
    }

    private long sum(ToLongFunction<LayerSparsity> count) {
        return layers.stream().mapToLong(count).sum();
    }

    /** {@code part / whole}, and 0 for a network with nothing to count. */
    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    public String toJson() {
        return JsonText.of(JSON, this);
    }

    /** Writes the JSON to {@code file} through a temporary file and an atomic move. */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    public static SparsityReport fromJson(String json) throws IOException {
        return JSON.readValue(json, SparsityReport.class);
    }

    /** A Markdown table of the layers and the totals. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| layer | type | weights | zero | sparsity | filters zero | inputs zero |"
                + " params | params pruned | MFLOPs | MFLOPs pruned |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LayerSparsity l : layers) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.2f%% | %d/%d | %d/%d | %d | %d | %.3f | %.3f |%n",
                    l.name(), l.type(), l.weights(), l.zeroWeights(), 100 * l.sparsity(), l.zeroOutputChannels(),
                    l.outputChannels(), l.zeroInputChannels(), l.inputChannels(), l.params(), l.prunedParams(),
                    l.flops() / 1e6, l.prunedFlops() / 1e6));
        }
        sb.append(String.format(Locale.ROOT, "%nTotal: sparsity %.2f%%, channel sparsity %.2f%% (input channels %.2f%%), "
                        + "params %d -> %d, MFLOPs %.3f -> %.3f%n", 100 * sparsity(), 100 * channelSparsity(),
                100 * inputChannelSparsity(), totalParams, prunedParams(), flops() / 1e6, prunedFlops() / 1e6));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparsityReport r && r.layers.equals(layers) && r.totalParams == totalParams
                && Arrays.equals(r.inputShape, inputShape);
    }

    @Override
    public int hashCode() {
        return layers.hashCode() * 31 + Long.hashCode(totalParams);
    }
}
