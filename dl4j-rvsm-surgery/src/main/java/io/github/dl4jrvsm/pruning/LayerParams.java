package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import io.github.dl4jrvsm.surgery.ChannelNode;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A live parameter of a node's layer (views into the network's parameters, so writes change the network).
 *
 * <p>Why: a MultiLayerNetwork finds layers by position and a ComputationGraph by name; the pruning code reads and
 * writes parameters of both through this one method.
 */
final class LayerParams {

    private LayerParams() {
    }

    static INDArray of(Model model, ChannelNode node, String key) {
        return NetworkAdapter.of(model).layer(node.name(), node.index()).getParam(key);
    }
}
