package io.github.dl4jrvsm.surgery;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.layers.Layer;

import java.util.List;

/**
 * One layer or vertex of a network, as the surgery sees it.
 *
 * @param name         layer or vertex name ({@code layer3} for an unnamed MultiLayerNetwork layer)
 * @param kind         what it does to channels
 * @param layer        the layer configuration, or null for a non-layer vertex or input
 * @param vertex       the graph vertex configuration, or null (MultiLayerNetwork, inputs)
 * @param inputs       names of the nodes it reads
 * @param preProcessor the input pre-processor of a layer, or null
 * @param index        position in a MultiLayerNetwork, -1 in a ComputationGraph
 * @param why          for {@link NodeKind#OTHER}: why it is not understood
 */
public record ChannelNode(String name, NodeKind kind, Layer layer, GraphVertex vertex, List<String> inputs,
                          InputPreProcessor preProcessor, int index, String why) {

    /** The class name of the layer or vertex, for messages. */
    public String typeName() {
        if (layer != null) {
            return layer.getClass().getSimpleName();
        }
        return vertex == null ? "input" : vertex.getClass().getSimpleName();
    }

    /** {@code name (Type)}. */
    public String describe() {
        return name + " (" + typeName() + ")";
    }
}
