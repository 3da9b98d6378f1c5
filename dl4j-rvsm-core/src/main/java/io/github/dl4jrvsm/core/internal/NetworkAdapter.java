package io.github.dl4jrvsm.core.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One view of DL4J's two network kinds. {@code MultiLayerNetwork} and {@code ComputationGraph} offer the same
 * operations under different signatures (layers by position or by name, activations as a list or a map, a single
 * output or an array) and share no interface for most of them; this class is the only place that tells the two
 * apart, so the rest of the library handles both without branching.
 *
 * <p>Every operation goes through {@link #match}, the one dispatch; callers use it too where an operation genuinely
 * differs per kind (rebuilding a network from an edited configuration), giving one function per kind.
 */
public final class NetworkAdapter {

    private final Model model;
    private final MultiLayerNetwork sequential;
    private final ComputationGraph graph;

    private NetworkAdapter(Model model, MultiLayerNetwork sequential, ComputationGraph graph) {
        this.model = model;
        this.sequential = sequential;
        this.graph = graph;
    }

    /** The adapter of {@code model}; anything but the two network kinds is refused by name. */
    public static NetworkAdapter of(Model model) {
        if (model instanceof MultiLayerNetwork mln) {
            return new NetworkAdapter(model, mln, null);
        }
        if (model instanceof ComputationGraph cg) {
            return new NetworkAdapter(model, null, cg);
        }
        throw new IllegalArgumentException("Expected a MultiLayerNetwork or ComputationGraph, got "
                + (model == null ? "null" : model.getClass().getName()));
    }

    /** The network this adapter reads and drives. */
    public Model model() {
        return model;
    }

    /** Applies the function for the network's kind. */
    public <T> T match(Function<MultiLayerNetwork, T> ifSequential, Function<ComputationGraph, T> ifGraph) {
        return sequential != null ? ifSequential.apply(sequential) : ifGraph.apply(graph);
    }

    /** The running layers, in the network's order. */
    public Layer[] runtimeLayers() {
        return match(MultiLayerNetwork::getLayers, ComputationGraph::getLayers);
    }

    /** The running layer known as {@code name} (a graph) or at {@code index} (a MultiLayerNetwork). */
    public Layer layer(String name, int index) {
        return match(m -> m.getLayer(index), g -> g.getLayer(name));
    }

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

    public void fit(DataSetIterator data) {
        ((NeuralNetwork) model).fit(data);
    }

    /** Classification accuracy, confusion matrix and the rest of DL4J's {@link Evaluation}. */
    public Evaluation evaluate(DataSetIterator data) {
        return ((NeuralNetwork) model).doEvaluation(data, new Evaluation())[0];
    }

    public void addListeners(TrainingListener... listeners) {
        model.addListeners(listeners);
    }

    /** The listeners the network calls while it trains. */
    public Collection<TrainingListener> listeners() {
        return match(MultiLayerNetwork::getListeners, ComputationGraph::getListeners);
    }

    /** The (first) network output. */
    public INDArray output(INDArray x, boolean train) {
        return match(m -> m.output(x, train), g -> g.outputSingle(train, x));
    }

    /** Every network output, in inference mode. */
    public INDArray[] outputs(INDArray x) {
        return match(m -> new INDArray[]{m.output(x)}, g -> g.output(x));
    }

    /** How many parameter updates the network has made; moves with every {@code fit} step. */
    public long iterationCount() {
        return match(MultiLayerNetwork::getIterationCount, ComputationGraph::getIterationCount);
    }

    /** How many epochs the network has finished; DL4J counts from 0 and moves it after each epoch's end events. */
    public int epochCount() {
        return match(MultiLayerNetwork::getEpochCount, ComputationGraph::getEpochCount);
    }

    /** A deep copy: configuration, parameters and updater state. */
    public Model copy() {
        return match(MultiLayerNetwork::clone, ComputationGraph::clone);
    }

    /** Each layer's output activation, by layer name. */
    public Map<String, INDArray> layerOutputs(INDArray x, boolean train) {
        return match(m -> {
            // feedForward lists the input first, then each layer's output
            List<INDArray> acts = m.feedForward(x, train);
            Map<String, INDArray> out = new LinkedHashMap<>();
            for (NamedLayer l : layers()) {
                out.put(l.name(), acts.get(l.index() + 1));
            }
            return out;
        }, g -> g.feedForward(x, train));
    }

    /**
     * The input each named layer sees, after its input pre-processor: what a batch-norm layer normalises.
     *
     * @param train training mode (batch statistics in batch norm, dropout active) for the forward pass
     */
    public Map<String, INDArray> layerInputs(INDArray x, boolean train, Set<String> names) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        match(m -> {
            List<INDArray> acts = m.feedForward(x, train);
            for (NamedLayer l : layers()) {
                if (names.contains(l.name())) {
                    InputPreProcessor pre = m.getLayerWiseConfigurations().getInputPreProcess(l.index());
                    out.put(l.name(), preProcess(pre, acts.get(l.index())));
                }
            }
            return out;
        }, g -> {
            Map<String, INDArray> acts = g.feedForward(x, train);
            for (String name : names) {
                String input = g.getConfiguration().getVertexInputs().get(name).get(0);
                InputPreProcessor pre = ((LayerVertex) g.getConfiguration().getVertices().get(name)).getPreProcessor();
                out.put(name, preProcess(pre, acts.get(input)));
            }
            return out;
        });
        return out;
    }

    private static INDArray preProcess(InputPreProcessor pre, INDArray in) {
        return pre == null ? in : pre.preProcess(in, (int) in.size(0), LayerWorkspaceMgr.noWorkspaces());
    }
}
