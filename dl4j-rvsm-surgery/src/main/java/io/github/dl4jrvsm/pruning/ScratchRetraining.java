package io.github.dl4jrvsm.pruning;

import io.github.dl4jrvsm.core.internal.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The same (pruned) architecture with new random weights: "retrain from scratch".
 *
 * <p>Why it exists: Liu et al. (2017) and later "Rethinking the value of network pruning" (Liu et al. 2019) show
 * that for slimming the pruned architecture, not the inherited weights, carries most of the value, and the
 * dissertation's Table 4.3 retrains the slimmed VGG from random initialisation. The seed is set on every layer
 * configuration so the initialisation is reproducible whatever seed the original configuration had.
 */
public final class ScratchRetraining {

    private ScratchRetraining() {
    }

    /** A new, initialised network with {@code model}'s configuration and weights drawn with {@code seed}. */
    @SuppressWarnings("unchecked")
    public static <M extends Model> M reinitialize(M model, long seed) {
        return (M) NetworkAdapter.of(model).match(mln -> reinitialize(mln, seed), cg -> reinitialize(cg, seed));
    }

    private static Model reinitialize(MultiLayerNetwork mln, long seed) {
        MultiLayerConfiguration conf = mln.getLayerWiseConfigurations().clone();
        for (NeuralNetConfiguration c : conf.getConfs()) {
            c.setSeed(seed);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static Model reinitialize(ComputationGraph cg, long seed) {
        ComputationGraphConfiguration conf = cg.getConfiguration().clone();
        conf.getDefaultConfiguration().setSeed(seed);
        for (GraphVertex v : conf.getVertices().values()) {
            if (v instanceof LayerVertex lv) {
                lv.getLayerConf().setSeed(seed);
            }
        }
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }
}
