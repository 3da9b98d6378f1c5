package io.github.dl4jrvsm.surgery;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** The parameters of a node's layer in a live network (by position in a MultiLayerNetwork, by name in a graph). */
final class LiveParams {

    private LiveParams() {
    }

    static Map<String, INDArray> of(Model model, ChannelNode node) {
        if (node.layer() == null) {
            return Map.of();
        }
        return NetworkAdapter.of(model).layer(node.name(), node.index()).paramTable();
    }
}
