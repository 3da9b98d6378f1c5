package io.github.dl4jrvsm.core.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One view of DL4J's two network kinds. {@code MultiLayerNetwork} and {@code ComputationGraph} offer the same
 * operations under different signatures (layers by position or by name, activations as a list or a map, a single
 * output or an array), and share no interface for them; this class is the only place that tells the two apart, so
 * the rest of the library handles both without branching.
 *
 * <p>Operations that genuinely differ (rebuilding a network from an edited configuration) go through
 * {@link #match}, which keeps the dispatch here while the caller supplies one function per kind.
 */
public abstract sealed class NetworkAdapter permits NetworkAdapter.Sequential, NetworkAdapter.Graph {

    /** The adapter of {@code model}; anything but the two network kinds is refused by name. */
    public static NetworkAdapter of(Model model) {
        if (model instanceof MultiLayerNetwork mln) {
            return new Sequential(mln);
        }
        if (model instanceof ComputationGraph cg) {
            return new Graph(cg);
        }
        throw new IllegalArgumentException("Expected a MultiLayerNetwork or ComputationGraph, got "
                + (model == null ? "null" : model.getClass().getName()));
    }

    /** The network this adapter reads and drives. */
    public abstract Model model();

    /** Applies the function for the network's kind. */
    public abstract <T> T match(Function<MultiLayerNetwork, T> sequential, Function<ComputationGraph, T> graph);

    /** The running layers, in the network's order. */
    public abstract Layer[] runtimeLayers();

    /** The running layer known as {@code name} (a graph) or at {@code index} (a MultiLayerNetwork). */
    public abstract Layer layer(String name, int index);

    public Layer layer(NamedLayer l) {
        return layer(l.name(), l.index());
    }

    /** The layers with the configuration objects the running network uses. */
    public List<NamedLayer> layers() {
        return NamedLayer.ofRuntime(runtimeLayers());
    }

    /** A live view of one parameter: writes change the network. */
    public INDArray param(NamedLayer l, String key) {
        return layer(l).getParam(key);
    }

    public abstract void fit(DataSetIterator data);

    /** The (first) network output. */
    public abstract INDArray output(INDArray x, boolean train);

    /** Every network output, in inference mode. */
    public abstract INDArray[] outputs(INDArray x);

    /** Each layer's output activation, by layer name. */
    public abstract Map<String, INDArray> layerOutputs(INDArray x, boolean train);

    /**
     * The input each named layer sees, after its input pre-processor: what a batch-norm layer normalises.
     *
     * @param train training mode (batch statistics in batch norm, dropout active) for the forward pass
     */
    public abstract Map<String, INDArray> layerInputs(INDArray x, boolean train, Set<String> names);

    public abstract Evaluation evaluate(DataSetIterator data);

    public abstract void addListeners(TrainingListener... listeners);

    /** How many parameter updates the network has made; moves with every {@code fit} step. */
    public abstract long iterationCount();

    /** A deep copy: configuration, parameters and updater state. */
    public abstract Model copy();

    static final class Sequential extends NetworkAdapter {
        private final MultiLayerNetwork net;

        Sequential(MultiLayerNetwork net) {
            this.net = net;
        }

        @Override
        public Model model() {
            return net;
        }

        @Override
        public <T> T match(Function<MultiLayerNetwork, T> sequential, Function<ComputationGraph, T> graph) {
            return sequential.apply(net);
        }

        @Override
        public Layer[] runtimeLayers() {
            return net.getLayers();
        }

        @Override
        public Layer layer(String name, int index) {
            return net.getLayer(index);
        }

        @Override
        public void fit(DataSetIterator data) {
            net.fit(data);
        }

        @Override
        public INDArray output(INDArray x, boolean train) {
            return net.output(x, train);
        }

        @Override
        public INDArray[] outputs(INDArray x) {
            return new INDArray[]{net.output(x)};
        }

        @Override
        public Map<String, INDArray> layerOutputs(INDArray x, boolean train) {
            // feedForward lists the input first, then each layer's output
            List<INDArray> acts = net.feedForward(x, train);
            Map<String, INDArray> out = new LinkedHashMap<>();
            for (NamedLayer l : layers()) {
                out.put(l.name(), acts.get(l.index() + 1));
            }
            return out;
        }

        @Override
        public Map<String, INDArray> layerInputs(INDArray x, boolean train, Set<String> names) {
            List<INDArray> acts = net.feedForward(x, train);
            Map<String, INDArray> out = new LinkedHashMap<>();
            for (NamedLayer l : layers()) {
                if (names.contains(l.name())) {
                    InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(l.index());
                    out.put(l.name(), preProcess(pre, acts.get(l.index())));
                }
            }
            return out;
        }

        @Override
        public Evaluation evaluate(DataSetIterator data) {
            return net.evaluate(data);
        }

        @Override
        public void addListeners(TrainingListener... listeners) {
            net.addListeners(listeners);
        }

        @Override
        public long iterationCount() {
            return net.getIterationCount();
        }

        @Override
        public Model copy() {
            return net.clone();
        }
    }

    static final class Graph extends NetworkAdapter {
        private final ComputationGraph net;

        Graph(ComputationGraph net) {
            this.net = net;
        }

        @Override
        public Model model() {
            return net;
        }

        @Override
        public <T> T match(Function<MultiLayerNetwork, T> sequential, Function<ComputationGraph, T> graph) {
            return graph.apply(net);
        }

        @Override
        public Layer[] runtimeLayers() {
            return net.getLayers();
        }

        @Override
        public Layer layer(String name, int index) {
            return net.getLayer(name);
        }

        @Override
        public void fit(DataSetIterator data) {
            net.fit(data);
        }

        @Override
        public INDArray output(INDArray x, boolean train) {
            return net.outputSingle(train, x);
        }

        @Override
        public INDArray[] outputs(INDArray x) {
            return net.output(x);
        }

        @Override
        public Map<String, INDArray> layerOutputs(INDArray x, boolean train) {
            return net.feedForward(x, train);
        }

        @Override
        public Map<String, INDArray> layerInputs(INDArray x, boolean train, Set<String> names) {
            Map<String, INDArray> acts = net.feedForward(x, train);
            Map<String, INDArray> out = new LinkedHashMap<>();
            for (String name : names) {
                String inputName = net.getConfiguration().getVertexInputs().get(name).get(0);
                InputPreProcessor pre = ((LayerVertex) net.getConfiguration().getVertices().get(name)).getPreProcessor();
                out.put(name, preProcess(pre, acts.get(inputName)));
            }
            return out;
        }

        @Override
        public Evaluation evaluate(DataSetIterator data) {
            return net.evaluate(data);
        }

        @Override
        public void addListeners(TrainingListener... listeners) {
            net.addListeners(listeners);
        }

        @Override
        public long iterationCount() {
            return net.getIterationCount();
        }

        @Override
        public Model copy() {
            return net.clone();
        }
    }

    private static INDArray preProcess(InputPreProcessor pre, INDArray in) {
        return pre == null ? in : pre.preProcess(in, (int) in.size(0), LayerWorkspaceMgr.noWorkspaces());
    }
}
