package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
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
        Layer live = model instanceof MultiLayerNetwork mln
                ? mln.getLayer(node.index()) : ((ComputationGraph) model).getLayer(node.name());
        return live.paramTable();
    }
}
