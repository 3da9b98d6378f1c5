package io.github.dl4jrvsm.adversarial.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import io.github.dl4jrvsm.core.model.ShapePreservingLayerConfig;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.deeplearning4j.nn.api.Layer;

import java.util.Collection;

/**
 * An identity layer placed right after a graph's input in the gradient network: its backward pass keeps a copy of
 * the gradient arriving at the input.
 *
 * <p>DL4J M2.1 has no input-gradient call for {@code ComputationGraph}, and the input vertex's epsilon survives the
 * backward pass only with workspaces off, which made each gradient about twice as slow. The tap copies the gradient
 * out of the workspace as it passes, so the gradient network keeps DL4J's workspaces on.
 */
public class InputGradientTap extends ShapePreservingLayerConfig {

    /** For JSON deserialisation. */
    public InputGradientTap() {
    }

    InputGradientTap(String name) {
        this.layerName = name;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray paramsView, boolean initializeParams,
                                                       DataType networkDataType) {
        InputGradientTapLayer layer = new InputGradientTapLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(layerName, InputGradientTap.class, inputType, inputType).standardMemory(0, 0)
                .workingMemory(0, 0, 0, inputType.arrayElementsPerExample())
                .cacheMemory(0, 0).build();
    }
}
