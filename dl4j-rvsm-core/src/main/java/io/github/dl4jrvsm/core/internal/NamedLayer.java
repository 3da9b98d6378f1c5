package io.github.dl4jrvsm.core.internal;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer configuration with the name DL4J knows it by (MultiLayerNetwork layers without a name are
 * {@code layer0, layer1, ...}), listed the same way for configurations and live networks.
 *
 * @param name   the layer name
 * @param config the live layer configuration (for a network: the object its updater reads)
 * @param index  position in a MultiLayerNetwork, or the layer index of a ComputationGraph
 * @param frozen whether DL4J keeps the layer's parameters fixed (a frozen layer of {@code TransferLearning}); a
 *               running frozen layer reports its inner layer's configuration, so this flag is the only sign of it
 */
public record NamedLayer(String name, Layer config, int index, boolean frozen) {

    public static List<NamedLayer> of(MultiLayerConfiguration conf) {
        List<NamedLayer> out = new ArrayList<>();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer l = conf.getConf(i).getLayer();
            out.add(new NamedLayer(l.getLayerName() == null ? "layer" + i : l.getLayerName(), l, i, isFrozen(l)));
        }
        return out;
    }

    public static List<NamedLayer> of(ComputationGraphConfiguration conf) {
        List<NamedLayer> out = new ArrayList<>();
        int i = 0;
        for (var e : conf.getVertices().entrySet()) {
            if (e.getValue() instanceof LayerVertex lv) {
                Layer l = lv.getLayerConf().getLayer();
                out.add(new NamedLayer(e.getKey(), l, i++, isFrozen(l)));
            }
        }
        return out;
    }

    /** The layers of a network, with the configuration objects the running network uses. */
    public static List<NamedLayer> of(Model model) {
        return NetworkAdapter.of(model).layers();
    }

    static List<NamedLayer> ofRuntime(org.deeplearning4j.nn.api.Layer[] layers) {
        List<NamedLayer> out = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            Layer l = layers[i].conf().getLayer();
            boolean frozen = layers[i] instanceof org.deeplearning4j.nn.layers.FrozenLayer
                    || layers[i] instanceof org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
            out.add(new NamedLayer(l.getLayerName() == null ? "layer" + i : l.getLayerName(), l, i, frozen));
        }
        return out;
    }

    private static boolean isFrozen(Layer conf) {
        return conf instanceof FrozenLayer || conf instanceof FrozenLayerWithBackprop;
    }

    public String typeName() {
        return config.getClass().getSimpleName();
    }
}
